import { LEDGER_KINDS } from "@fieldpay/db/repositories/ledger";
import { REFUND_REASONS } from "@fieldpay/db/repositories/refunds";
import { PAYMENT_PLANS } from "@fieldpay/payments/plans";
import { CHARGE_PURPOSES, CHARGE_TYPES } from "@fieldpay/payments/strategy";
import { z } from "zod";
import { moneyOutput, serviceOutput } from "../services/schemas.ts";

export const bookingId = z.object({ bookingId: z.uuid("That is not a booking of yours.") });

const refundOutput = z.object({
  id: z.string(),
  amount: moneyOutput,
  status: z.string(),
  refundApplicationFee: z.boolean(),
  reverseTransfer: z.boolean(),
  reason: z.enum(REFUND_REASONS).nullable(),
  createdAt: z.date(),
});

export const bookingOutput = z.object({
  id: z.string(),
  serviceName: z.string(),
  durationMinutes: z.number().int(),
  startsAt: z.date(),
  createdAt: z.date(),
  status: z.string(),
  amount: moneyOutput,
  customer: z.object({ name: z.string(), email: z.string() }),
  fieldworkerId: z.string().nullable(),
  fieldworkerName: z.string().nullable(),
  canPay: z.boolean(),
  plan: z.object({
    plan: z.enum(PAYMENT_PLANS),
    summary: z.string(),
    deposit: moneyOutput.nullable(),
    cardSaved: z.boolean(),
    holdExpiresAt: z.date().nullable(),
    holdLapsed: z.boolean(),
  }),
  job: z.object({
    doneAt: z.date().nullable(),
    finalAmount: moneyOutput.nullable(),
    adjustmentReason: z.string().nullable(),
    canMarkDone: z.boolean(),
  }),
  ledger: z.object({
    lines: z.array(
      z.object({
        id: z.string(),
        paymentId: z.string(),
        kind: z.enum(LEDGER_KINDS),
        purpose: z.enum(CHARGE_PURPOSES),
        amount: moneyOutput,
        business: moneyOutput.nullable(),
        fieldworker: moneyOutput.nullable(),
        stripeId: z.string().nullable(),
        stripeAccount: z.string().nullable(),
        occurredAt: z.date(),
        refundReason: z.enum(REFUND_REASONS).nullable(),
      }),
    ),
    charged: moneyOutput,
    refunded: moneyOutput,
    disputed: moneyOutput,
    net: moneyOutput,
    business: moneyOutput.nullable(),
    fieldworker: moneyOutput.nullable(),
  }),
  receipt: z.object({
    number: z.string(),
    paidAt: z.date().nullable(),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    business: z.object({ name: z.string(), email: z.string().nullable() }),
  }),
  payment: z
    .object({
      attempt: z.number().int(),
      status: z.string(),
      purpose: z.enum(CHARGE_PURPOSES),
      chargeType: z.enum(CHARGE_TYPES),
      amountRefunded: moneyOutput,
      failure: z.object({ message: z.string() }).nullable(),
      paymentIntentId: z.string().nullable(),
      onAccount: z.string().nullable(),
      split: z.object({ applicationFee: moneyOutput, fieldworkerNet: moneyOutput }).nullable(),
      refunds: z.array(refundOutput),
      refundable: moneyOutput,
    })
    .nullable(),
});

export const optionsOutput = z.object({
  paymentsReady: z.boolean(),
  mode: z.enum(["direct", "connect"]).nullable(),
  customersChooseFieldworker: z.boolean(),
  fieldworkers: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(serviceOutput),
});

export const createBookingInput = z.object({
  serviceId: z.uuid("Choose a service."),
  startsAt: z.coerce.date({ message: "Choose a date and time." }),
  fieldworkerId: z.union([z.literal("any"), z.uuid("Choose a fieldworker from the list.")]).optional(),
});

export const payOutput = z.object({
  bookingId: z.string(),
  attempt: z.number().int(),
  intent: z.enum(["payment", "setup"]),
  clientSecret: z.string(),
  publishableKey: z.string(),
  stripeAccount: z.string().nullable(),
  amount: moneyOutput,
  applicationFee: moneyOutput.nullable(),
  fieldworkerNet: moneyOutput.nullable(),
  savedCardsAllowed: z.boolean(),
  plan: z.enum(PAYMENT_PLANS),
  hold: z.boolean(),
  dueAfterJob: moneyOutput,
  summary: z.string(),
});

export const refreshOutput = z.object({
  status: z.string(),
  problem: z.object({ message: z.string(), fix: z.string() }).nullable(),
});

export const refundInput = z.object({
  bookingId: z.uuid("Choose a booking from the list."),
  requestId: z.uuid("Reload the page and refund again."),
  paymentId: z.uuid("Choose a payment of this booking.").optional(),
  amount: z.string().trim().max(20, "Enter an amount like 12.50.").optional(),
  refundApplicationFee: z.boolean().optional(),
  reverseTransfer: z.boolean().optional(),
  reason: z
    .enum(REFUND_REASONS, {
      message: "Choose why you are refunding: the customer asked, a duplicate payment, or fraud.",
    })
    .optional(),
});

/** The same request before it is sent: no requestId, nothing is written. */
export const refundPreviewInput = refundInput.omit({ requestId: true });

export const refundPreviewOutput = z.object({
  amount: moneyOutput,
  /** What the business gives back (its balance, and in Connect its commission). */
  business: moneyOutput,
  /** What the fieldworker gives back; null for a payment that never involved them (Stripe direct). */
  fieldworker: moneyOutput.nullable(),
  left: moneyOutput,
});

export const refundOutputShape = z.object({ refundId: z.string(), status: z.string(), amount: moneyOutput });

export const assignInput = z.object({
  bookingId: z.uuid("Choose a booking from the list."),
  fieldworkerId: z.uuid("Choose a fieldworker from the list."),
});

export const markDoneInput = z.object({
  bookingId: z.uuid("Choose a booking from the list."),
  finalAmount: z.string().trim().max(20, "Enter an amount like 120.00.").optional(),
  reason: z.string().trim().max(300, "Keep the reason under 300 characters.").optional(),
});
