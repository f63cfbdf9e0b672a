// Inputs and outputs of the fieldworkers router. Outputs are explicit so that nothing else (a Stripe object, a
// token, a key) can leave by accident.
import { CHARGE_TYPES, CONNECT_ACCOUNT_TYPES } from "@fieldpay/payments/strategy";
import { z } from "zod";
import { emailDelivery } from "../../mail/delivery-status.ts";

export const fieldworkerId = z.uuid("Choose a fieldworker from the list.");
export const invitationToken = z.string().trim().min(1, "The invitation link is incomplete.").max(200);
export const period = z.enum(["week", "month"]).default("month");

const money = z.object({ amount: z.number().int(), currency: z.string() });
const plainItem = z.object({ label: z.string(), action: z.string() });

export const accountStatus = z.object({
  status: z.enum([
    "not_connected",
    "onboarding_incomplete",
    "pending_verification",
    "restricted",
    "active",
    "deauthorized",
  ]),
  headline: z.string(),
  connected: z.boolean(),
  accountType: z.enum(CONNECT_ACCOUNT_TYPES).nullable(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  detailsSubmitted: z.boolean(),
  due: z.array(plainItem),
  verifying: z.array(plainItem),
  reason: z.object({ title: z.string(), explanation: z.string(), fix: z.string() }).nullable(),
  problems: z.array(z.object({ label: z.string(), reason: z.string() })),
  deadline: z.string().nullable(),
  checkedAt: z.date().nullable(),
});

export const commission = z
  .object({
    source: z.enum(["booking", "fieldworker", "business"]),
    percent: z.string(),
    fixed: z.string(),
    currency: z.string(),
    overridePercent: z.string().nullable(),
    overrideFixed: z.string().nullable(),
  })
  .nullable();

export const fieldworkerRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  joinedAt: z.date(),
  status: accountStatus.shape.status,
  headline: z.string(),
  accountType: accountStatus.shape.accountType,
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  commission,
});

export const profile = z.object({
  fieldworker: z.object({ id: z.string(), name: z.string(), email: z.string(), joinedAt: z.date() }),
  account: accountStatus,
  /** The connected account id (acct_…): not a secret, and what Stripe support asks for. */
  accountId: z.string().nullable(),
  commission,
});

const alert = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(["info", "warning", "critical"]),
  payout_id: z.string().nullable(),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  since: z.date(),
});

export const earnings = z.object({
  payments: z.array(
    z.object({
      id: z.string(),
      bookingId: z.string(),
      service: z.string(),
      startsAt: z.date(),
      status: z.string(),
      chargeType: z.enum(CHARGE_TYPES),
      amount: money,
      applicationFee: money.nullable(),
      fieldworkerNet: money.nullable(),
      refunded: money,
      createdAt: z.date(),
    }),
  ),
  fees: z.array(
    z.object({
      id: z.string(),
      amount: money,
      refunded: money,
      charge: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  transfers: z.array(
    z.object({
      id: z.string(),
      amount: money,
      reversed: money,
      sourceCharge: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  payouts: z.array(
    z.object({
      id: z.string(),
      amount: money,
      status: z.string(),
      upcoming: z.boolean(),
      expectedArrival: z.date().nullable(),
      failure: z.string().nullable(),
      late: z.object({ title: z.string(), explanation: z.string(), fix: z.string() }).nullable(),
      createdAt: z.date(),
    }),
  ),
  totals: z.array(
    z.object({
      label: z.string(),
      periodStart: z.date(),
      payments: z.number().int(),
      gross: money,
      applicationFees: money,
      fieldworkerNet: money,
      refunded: money,
      disputed: money,
    }),
  ),
  alerts: z.array(alert),
});

export const invitation = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  state: z.enum(["open", "accepted", "revoked", "expired"]),
  expiresAt: z.date(),
  createdAt: z.date(),
  /** How the invitation's email went (null for invitations sent before the outbox). */
  delivery: emailDelivery.nullable(),
});

export const splitPreview = z.object({
  charge: money,
  applicationFee: money,
  fieldworkerNet: money,
  basisPoints: z.number().int(),
  fixed: money.nullable(),
  source: z.enum(["booking", "fieldworker", "business"]),
  capped: z.boolean(),
});

export const link = z.object({ url: z.string() });
