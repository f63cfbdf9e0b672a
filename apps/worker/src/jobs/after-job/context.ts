// Everything an after-job step needs about one booking: the booking, the business's strategy behind its shared
// rate limiter, and, in Connect mode, who does the job and at what commission (the one agreed at booking).
import type { Booking } from "@fieldpay/db/repositories/bookings";
import { findBooking } from "@fieldpay/db/repositories/bookings";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { AT_BOOKING, latestPayment, type PaymentRow } from "@fieldpay/db/repositories/payments";
import type { ChargeType, PaymentSettingsRow } from "@fieldpay/db/schema";
import { strategyForSavedSettings } from "@fieldpay/payments/create-strategy";
import type { FeeRule } from "@fieldpay/payments/fees";
import type { RateLimiter } from "@fieldpay/payments/rate-limit";
import type { ConnectAccountType, PaymentStrategy } from "@fieldpay/payments/strategy";
import type { WorkerDeps } from "../../deps.ts";

export type AfterJobDeps = Pick<
  WorkerDeps,
  "db" | "secretBox" | "stripeApiBase" | "stripeLimiters" | "webOrigin" | "now" | "log"
>;

/** Who the money goes to in Connect mode, and how it is charged. */
export interface ConnectParty {
  accountId: string;
  accountType: ConnectAccountType;
  chargeType: Exclude<ChargeType, "direct">;
  fee: FeeRule;
}

export interface AfterJobContext {
  deps: AfterJobDeps;
  booking: Booking;
  settings: PaymentSettingsRow;
  /** Every call goes through `stripe`, which waits for the business's limiter first. */
  stripe: <T>(call: (strategy: PaymentStrategy) => Promise<T>) => Promise<T>;
  connect: ConnectParty | null;
  /** The charge made at booking (in full, a deposit or a hold), if any. */
  atBooking: PaymentRow | undefined;
}

export type Loaded = { ok: true; context: AfterJobContext } | { ok: false; reason: string };

export async function loadAfterJob(
  deps: AfterJobDeps,
  input: { tenantId: string; bookingId: string },
): Promise<Loaded> {
  const booking = await findBooking(deps.db, input.tenantId, input.bookingId);
  if (!booking) return { ok: false, reason: "no such booking" };
  if (booking.done_at === null || booking.final_amount === null) {
    return { ok: false, reason: "the job is not marked done" };
  }
  const settings = await findPaymentSettings(deps.db, input.tenantId);
  if (!settings) return { ok: false, reason: "the business has no Stripe settings" };
  const strategy = strategyForSavedSettings({
    mode: settings.mode,
    secretKey: deps.secretBox.open(settings.secret_key_sealed, settings.tenant_id, "stripe_secret_key"),
    apiBase: deps.stripeApiBase,
    connectAccountType: settings.connect_account_type,
    // The SDK's own retries would pass the limiter by; a failed call throws and the queue retries the job,
    // under the same idempotency keys.
    maxNetworkRetries: 0,
  });
  const limiter: RateLimiter = deps.stripeLimiters.forBusiness(settings.tenant_id, settings.key_mode);
  const stripe = async <T>(call: (s: PaymentStrategy) => Promise<T>) => {
    await limiter.acquire();
    return call(strategy);
  };
  const atBooking = await latestPayment(deps.db, booking.tenant_id, booking.id, AT_BOOKING);
  const connect = settings.mode === "connect" ? await connectParty(deps, booking, settings, atBooking) : null;
  if (settings.mode === "connect" && connect === null) {
    return { ok: false, reason: "no connected account to charge for: the fieldworker has none" };
  }
  return { ok: true, context: { deps, booking, settings, stripe, connect, atBooking } };
}

/** The commission agreed when the customer committed, else the booking's, else the business default. */
export function feeRule(booking: Booking, settings: PaymentSettingsRow): FeeRule {
  const currency = booking.currency;
  if (booking.agreed_fee_bps !== null) {
    return withFixed(booking.agreed_fee_bps, booking.agreed_fee_fixed, currency);
  }
  if (booking.commission_bps !== null) {
    return withFixed(booking.commission_bps, booking.commission_fixed, currency);
  }
  return withFixed(settings.commission_bps, settings.commission_fixed, settings.currency);
}

function withFixed(basisPoints: number, fixed: number | null, currency: string): FeeRule {
  return fixed !== null && fixed > 0 ? { basisPoints, fixed: { amount: fixed, currency } } : { basisPoints };
}

/** The account of the charge made at booking; for a card-on-file booking, the assigned fieldworker's. */
async function connectParty(
  deps: AfterJobDeps,
  booking: Booking,
  settings: PaymentSettingsRow,
  atBooking: PaymentRow | undefined,
): Promise<ConnectParty | null> {
  const fee = feeRule(booking, settings);
  if (atBooking?.fieldworker_account_id && atBooking.charge_type !== "direct") {
    const standard = atBooking.charge_type === "direct_on_connected_account";
    return {
      accountId: atBooking.fieldworker_account_id,
      accountType: standard ? "standard" : nonStandard(settings.connect_account_type),
      chargeType: atBooking.charge_type,
      fee,
    };
  }
  if (booking.fieldworker_id === null) return null;
  const account = await deps.db
    .selectFrom("fieldworker_accounts")
    .select(["stripe_account_id", "account_type"])
    .where("tenant_id", "=", booking.tenant_id)
    .where("user_id", "=", booking.fieldworker_id)
    .executeTakeFirst();
  if (!account?.stripe_account_id) return null;
  const accountType = account.account_type ?? settings.connect_account_type;
  return {
    accountId: account.stripe_account_id,
    accountType,
    chargeType: accountType === "standard" ? "direct_on_connected_account" : "destination",
    fee,
  };
}

// Express and Custom charge alike (destination charges); the business's type tells which it is.
const nonStandard = (type: ConnectAccountType): ConnectAccountType =>
  type === "standard" ? "express" : type;
