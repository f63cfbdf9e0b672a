// Starts (or resumes) paying a booking: one PaymentIntent per attempt, created with a key derived from the
// attempt, so a double click or a retry gets Stripe's first answer back instead of a second charge.
import { findBookingToPay, type LatestAttempt } from "@fieldpay/db/repositories/booking-to-pay";
import {
  type Booking,
  findBooking,
  recordAgreedFee,
  reopenBookingForPayment,
} from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import {
  AT_BOOKING,
  latestPayment,
  markAttemptSuperseded,
  openPaymentAttempt,
  type PaymentRow,
  recordCreatedIntent,
  recordCreateFailure,
} from "@fieldpay/db/repositories/payments";
import type { BookingStatus, ChargePurpose, ChargeType } from "@fieldpay/db/schema";
import type { Money } from "@fieldpay/payments/money";
import { dueAtBooking, feeForCharge } from "@fieldpay/payments/plans";
import type { PaymentStrategy } from "@fieldpay/payments/strategy";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import { strategyFromSettings } from "../business-stripe/strategy-for-tenant.ts";
import type { Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { agreedFeeOf, type ConnectTerms, connectTerms } from "./connect-terms.ts";
import { keepCardForBooking } from "./keep-card.ts";
import { type PayAnswer, planAnswer } from "./pay-answer.ts";
import { payBalance } from "./pay-balance.ts";
import { createStripeCustomer } from "./stripe-customer.ts";
import { noCardPayments, type PaymentDeps } from "./tenant-payments.ts";

const PAYABLE: ReadonlySet<BookingStatus> = new Set([
  "pending_payment",
  "requires_action",
  "payment_failed",
  "balance_due",
]);

// An hour short of Stripe's 24 hours, so a retry never lands right on the edge.
const KEY_REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

/** A failed attempt is finished: only an explicit "try again with another card" opens the next one. */
export function attemptFailed(payment: Pick<PaymentRow, "status" | "failure_code">): boolean {
  return (
    payment.status === "canceled" ||
    (payment.status === "requires_payment_method" && payment.failure_code !== null)
  );
}

/** What the customer is asked for at booking under the booking's plan, and how it splits. */
export interface AtBookingCharge {
  purpose: ChargePurpose;
  amount: Money;
  captureMethod: "automatic" | "manual";
  /** Keep the card for the after-job charge. */
  saveCard: boolean;
  /** Connect: the business's commission on this charge (the first of the booking, so nothing before it). */
  applicationFee: Money | null;
}

function atBookingCharge(booking: Booking, terms: ConnectTerms | undefined): AtBookingCharge {
  const price = { amount: booking.amount, currency: booking.currency };
  const deposit =
    booking.deposit_amount === null ? null : { amount: booking.deposit_amount, currency: booking.currency };
  const amount = dueAtBooking(booking.payment_plan, price, deposit);
  const zero = { amount: 0, currency: booking.currency };
  const fee = terms
    ? feeForCharge({ rule: terms.fee, before: { charged: zero, fees: zero }, charge: amount })
    : null;
  const purpose: ChargePurpose =
    booking.payment_plan === "deposit"
      ? "deposit"
      : booking.payment_plan === "authorize"
        ? "authorization"
        : "full";
  return {
    purpose,
    amount,
    captureMethod: purpose === "authorization" ? "manual" : "automatic",
    saveCard: purpose !== "full",
    applicationFee: fee?.applicationFee ?? null,
  };
}

/**
 * Whether the latest attempt's PaymentIntent was made for other terms than the booking has now (the admin
 * assigned another fieldworker, or the commission changed): repeating its key with other parameters is an error
 * at Stripe, and the old terms must not be charged, so such an attempt is replaced (see supersede).
 */
function termsChanged(
  latest: LatestAttempt,
  charge: AtBookingCharge,
  terms: ConnectTerms | undefined,
): boolean {
  if (latest.payment_intent_id === null) return false;
  return (
    latest.fieldworker_account_id !== (terms?.accountId ?? null) ||
    latest.application_fee_amount !== (charge.applicationFee?.amount ?? null) ||
    latest.amount !== charge.amount.amount
  );
}

const ALREADY_PAID = () =>
  new DomainError(
    "conflict",
    "This booking has already been paid; Stripe is confirming it.",
    "Open the booking's receipt and refresh its status.",
  );

/**
 * Before a new attempt is handed out, the one it replaces is cancelled at Stripe: a tab still holding its client
 * secret can then pay nothing. If Stripe says it was paid meanwhile, that payment stands and no new attempt opens.
 * A success Stripe lets through anyway (the race it allows) is refunded by the worker (superseded_at).
 */
async function supersede(deps: PaymentDeps, strategy: PaymentStrategy, tenantId: string, bookingId: string) {
  const previous = await latestPayment(deps.db, tenantId, bookingId, AT_BOOKING);
  if (!previous) return;
  if (previous.payment_intent_id === null || previous.status === "canceled") {
    await markAttemptSuperseded(deps.db, tenantId, previous.id, previous.status);
    return;
  }
  const cancelled = await strategy.cancelPayment({
    tenantId,
    paymentIntentId: previous.payment_intent_id,
    onAccount: previous.on_account,
  });
  if (!cancelled.ok) throw fromPaymentError(cancelled.error);
  const { status } = cancelled;
  if (status === "succeeded" || status === "processing") {
    await applyPaymentIntentSnapshot(deps.db, {
      tenantId,
      paymentIntentId: previous.payment_intent_id,
      status,
      eventAt: new Date(),
    });
    throw ALREADY_PAID();
  }
  await markAttemptSuperseded(deps.db, tenantId, previous.id, status);
}

function nextAttempt(latest: LatestAttempt | null, newAttempt: boolean, changed: boolean): number {
  if (!latest) return 1;
  if (latest.status === "succeeded" || latest.status === "processing") throw ALREADY_PAID();
  // Stripe replays an Idempotency-Key for 24 hours; past that, "the same attempt" would quietly be a new
  // PaymentIntent under an old row, so an attempt that old is closed and the next one opened instead.
  const expired = Date.now() - new Date(latest.created_at).getTime() > KEY_REPLAY_WINDOW_MS;
  return (newAttempt && attemptFailed(latest)) || expired || changed ? latest.attempt + 1 : latest.attempt;
}

/** The booking, if this user may see it: another customer's booking is answered exactly like a missing one. */
function ownBooking<T extends Pick<Booking, "customer_id">>(booking: T | undefined, auth: Auth): T {
  if (!booking || (auth.user.role === "customer" && booking.customer_id !== auth.user.id)) {
    throw notFound("This booking");
  }
  return booking;
}

export async function findOwnBooking(deps: Pick<PaymentDeps, "db">, auth: Auth, bookingId: string) {
  return ownBooking(await findBooking(deps.db, auth.tenant.id, bookingId), auth);
}

function assertPayable(booking: Booking) {
  if (PAYABLE.has(booking.status)) return;
  if (booking.status === "canceled") {
    throw new DomainError(
      "conflict",
      "This booking was canceled, so it cannot be paid.",
      "Make a new booking instead.",
    );
  }
  const committed = ["deposit_paid", "card_saved", "authorized"].includes(booking.status);
  throw new DomainError(
    "conflict",
    committed ? "Nothing is due on this booking until the job is done." : "This booking is already paid.",
    committed
      ? "The rest is charged to your saved card after the job; its receipt shows what was paid so far."
      : "Open its receipt to see the payment.",
  );
}

function chargeTypeOf(terms: ConnectTerms | undefined): ChargeType {
  if (!terms) return "direct";
  return terms.accountType === "standard" ? "direct_on_connected_account" : "destination";
}

/**
 * Opens the attempt's row and asks Stripe for its PaymentIntent at the same time, then stores Stripe's answer.
 * Both are keyed by the attempt, so neither needs the other first: if either fails, the customer gets an error and
 * no client secret, and trying again repeats both and gets the same PaymentIntent back (no second charge). A
 * PaymentIntent without its row can charge nothing, since only the client secret confirms it, and that leaves
 * here only once the row holds the PaymentIntent (what the worker matches Stripe's events by).
 */
async function createIntent(
  deps: PaymentDeps,
  strategy: PaymentStrategy,
  input: {
    booking: Booking;
    serviceName: string | null;
    attempt: number;
    stripeCustomerId: string;
    terms: ConnectTerms | undefined;
    charge: AtBookingCharge;
  },
) {
  const { booking, terms, charge } = input;
  const tenantId = booking.tenant_id;
  const [row, result] = await Promise.all([
    openPaymentAttempt(deps.db, {
      tenantId,
      bookingId: booking.id,
      attempt: input.attempt,
      amount: charge.amount.amount,
      currency: charge.amount.currency,
      chargeType: chargeTypeOf(terms),
      fieldworkerAccountId: terms?.accountId ?? null,
      purpose: charge.purpose,
      captureMethod: charge.captureMethod,
    }),
    strategy.createBookingPayment({
      tenantId,
      bookingId: booking.id,
      attempt: input.attempt,
      amount: charge.amount,
      stripeCustomerId: input.stripeCustomerId,
      purpose: charge.purpose,
      captureMethod: charge.captureMethod,
      ...(charge.saveCard && { saveCard: true }),
      ...(input.serviceName !== null && { description: input.serviceName }),
      ...(terms && {
        connect: {
          ...terms,
          ...(charge.applicationFee !== null && { applicationFee: charge.applicationFee }),
        },
      }),
    }),
  ]);
  if (!result.ok) {
    await recordCreateFailure(deps.db, tenantId, row.id, {
      code: result.error.declineCode ?? result.error.code,
      message: result.error.message,
    });
    throw fromPaymentError(result.error);
  }
  const { payment } = result;
  await recordCreatedIntent(deps.db, tenantId, row.id, {
    paymentIntentId: payment.paymentIntentId,
    status: payment.status,
    onAccount: payment.onAccount,
    applicationFeeAmount: payment.applicationFee?.amount ?? null,
    fieldworkerNetAmount: payment.fieldworkerNet?.amount ?? null,
    customerId: payment.customerId,
  });
  return payment;
}

/**
 * Opens (or resumes) what the customer does on the pay page: under the booking's plan, pay in full, pay a
 * deposit, have the price held, or only save the card; once the job is done and the after-job charge needs them
 * ("balance due"), complete that same PaymentIntent.
 */
export async function payBooking(
  deps: PaymentDeps,
  auth: Auth,
  input: { bookingId: string; newAttempt: boolean },
): Promise<PayAnswer> {
  const tenantId = auth.tenant.id;
  const found = await findBookingToPay(deps.db, tenantId, input.bookingId, auth.user.id);
  const booking = ownBooking(found?.booking, auth);
  assertPayable(booking);
  const settings = found?.settings;
  if (!settings) throw noCardPayments();
  // Built from the settings row just read, so a key or mode change applies from this request on.
  const strategy = strategyFromSettings(deps, settings);
  const customer = async () =>
    found.stripeCustomerId ?? (await createStripeCustomer(deps, strategy, auth)).stripe_customer_id;
  if (booking.status === "balance_due") return payBalance(deps, strategy, settings, booking, customer);
  const terms = settings.mode === "connect" ? await connectTerms(deps.db, settings, booking) : undefined;
  const stripeCustomerId = await customer();
  if (booking.payment_plan === "card_on_file") {
    return keepCardForBooking(deps, strategy, { booking, settings, terms, stripeCustomerId });
  }
  const charge = atBookingCharge(booking, terms);
  const latest = found.latest;
  const changed = latest !== null && termsChanged(latest, charge, terms);
  const attempt = nextAttempt(latest, input.newAttempt, changed);
  if (latest && attempt > latest.attempt) {
    await supersede(deps, strategy, tenantId, booking.id);
    await reopenBookingForPayment(deps.db, tenantId, booking.id);
  }
  if (attempt !== latest?.attempt) {
    await recordAgreedFee(deps.db, { tenantId, bookingId: booking.id, agreedFee: agreedFeeOf(terms) });
  }
  const payment = await createIntent(deps, strategy, {
    booking,
    serviceName: found.serviceName,
    attempt,
    stripeCustomerId,
    terms,
    charge,
  });
  if (payment.clientSecret === null)
    throw new Error(`payment intent ${payment.paymentIntentId} has no client secret`);
  return {
    bookingId: booking.id,
    attempt,
    intent: "payment",
    clientSecret: payment.clientSecret,
    publishableKey: settings.publishable_key,
    /** Stripe.js must run as this connected account (Standard direct charges). */
    stripeAccount: payment.onAccount,
    amount: payment.amount,
    applicationFee: payment.applicationFee,
    fieldworkerNet: payment.fieldworkerNet,
    /** Saved cards live on the business's account; a Standard fieldworker's own account cannot use them. */
    savedCardsAllowed: payment.onAccount === null,
    ...planAnswer(booking),
  };
}
