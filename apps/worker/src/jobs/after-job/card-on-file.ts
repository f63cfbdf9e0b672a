// The after-job charge of the card kept at booking, without the customer present. One attempt per booking and
// charge (openAfterJobAttempt), so a retried job, a worker killed mid-charge or a second worker sends the same
// attempt number, hence the same idempotency key: Stripe answers the first PaymentIntent again, never a second.
import { openAfterJobAttempt, recordAfterJobProblem } from "@fieldpay/db/repositories/after-job-charges";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import {
  type PaymentRow,
  recordCreatedIntent,
  recordCreateFailure,
} from "@fieldpay/db/repositories/payments";
import type { PaymentError } from "@fieldpay/payments/errors";
import type { Money } from "@fieldpay/payments/money";
import { feeForCharge } from "@fieldpay/payments/plans";
import type { BookingPaymentInput } from "@fieldpay/payments/strategy";
import { queueReceipt } from "../../mail/booking-emails.ts";
import { type BalanceDueReason, balanceDueWithoutIntent, chargeRefused } from "./balance-due.ts";
import type { AfterJobContext } from "./context.ts";

export interface CardCharge {
  purpose: "balance" | "extra";
  amount: Money;
  /** What the booking's earlier charges took and their fees: the commission is allocated across all of them. */
  before: { charged: number; fees: number };
}

export async function chargeCardOnFile(ctx: AfterJobContext, charge: CardCharge): Promise<string> {
  const { booking, connect } = ctx;
  const { db } = ctx.deps;
  const currency = charge.amount.currency;
  const fee =
    connect === null
      ? null
      : feeForCharge({
          rule: connect.fee,
          before: {
            charged: { amount: charge.before.charged, currency },
            fees: { amount: charge.before.fees, currency },
          },
          charge: charge.amount,
        });
  const { payment } = await openAfterJobAttempt(db, {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    purpose: charge.purpose,
    amount: charge.amount.amount,
    currency,
    chargeType: connect?.chargeType ?? "direct",
    fieldworkerAccountId: connect?.accountId ?? null,
    applicationFeeAmount: fee?.applicationFee.amount ?? null,
    fieldworkerNetAmount: fee?.fieldworkerNet.amount ?? null,
  });
  // The attempt is opened either way, so the portal charges the customer exactly this amount and fee.
  if (booking.card_payment_method_id === null || booking.card_customer_id === null) {
    if (payment.status === "creating") {
      await recordCreateFailure(db, booking.tenant_id, payment.id, { code: "no_card", message: NO_CARD });
    }
    await balanceDueWithoutIntent(ctx, charge.amount.amount, { kind: "no_card" });
    return `${charge.purpose}: no card saved, the customer was emailed a link to pay`;
  }
  // Stripe answered this attempt before: its events (or the customer, on the portal) decide from here. A refusal
  // Stripe announced by event (not in its answer) still owes the customer their link: sent once (balance-due.ts).
  if (payment.status !== "creating") {
    if (refusedByEvent(payment)) {
      await balanceDueWithoutIntent(ctx, payment.amount, refusalReason(payment));
      return `${charge.purpose}: attempt ${payment.attempt} was refused; the customer was emailed a link to pay`;
    }
    return `${charge.purpose}: attempt ${payment.attempt} is ${payment.status}`;
  }
  const result = await ctx.stripe((strategy) => strategy.createBookingPayment(paymentInput(ctx, payment)));
  if (!result.ok) return refusedOrThrow(ctx, payment, result.error);
  const created = result.payment;
  await recordCreatedIntent(db, booking.tenant_id, payment.id, {
    paymentIntentId: created.paymentIntentId,
    status: created.status,
    onAccount: created.onAccount,
    applicationFeeAmount: payment.application_fee_amount,
    fieldworkerNetAmount: payment.fieldworker_net_amount,
    customerId: created.customerId,
  });
  if (created.status === "requires_action") {
    await chargeRefused(
      ctx,
      refusal(payment, created.paymentIntentId, "requires_action", "authentication_required"),
      { kind: "authentication_required" },
    );
    return `${charge.purpose}: the bank wants the customer to confirm it; they were emailed a link`;
  }
  if (created.status === "succeeded") {
    // The customer's receipt in the same transaction as the charge it is for.
    await db.transaction().execute(async (trx) => {
      await applyPaymentIntentSnapshot(trx, {
        tenantId: booking.tenant_id,
        paymentIntentId: created.paymentIntentId,
        status: "succeeded",
        eventAt: ctx.deps.now(),
      });
      const receipt = { paymentIntentId: created.paymentIntentId, webOrigin: ctx.deps.webOrigin };
      await queueReceipt(trx, { tenantId: booking.tenant_id, ...receipt });
    });
    return `${charge.purpose}: charged ${charge.amount.amount}`;
  }
  // Anything else (stateless stripe-mock answers requires_payment_method without an error) moves nothing.
  return `${charge.purpose}: PaymentIntent ${created.paymentIntentId} is ${created.status}; Stripe's events decide`;
}

const NO_CARD = "No card was saved for this booking.";

/** An off-session charge Stripe refused after answering (payment_intent.payment_failed / requires_action). */
function refusedByEvent(payment: PaymentRow): boolean {
  if (payment.payment_intent_id === null) return false;
  return (
    payment.status === "requires_action" ||
    (payment.status === "requires_payment_method" && payment.failure_code !== null)
  );
}

function refusalReason(payment: PaymentRow): BalanceDueReason {
  if (payment.status === "requires_action" || payment.failure_code === "authentication_required") {
    return { kind: "authentication_required" };
  }
  return { kind: "declined", message: payment.failure_message ?? "The card was declined." };
}

/** The exact charge of this attempt: amount and fee as stored with it, the card kept at booking. */
function paymentInput(ctx: AfterJobContext, payment: PaymentRow): BookingPaymentInput {
  const { booking, connect } = ctx;
  const currency = payment.currency;
  const standard = connect?.accountType === "standard";
  const card = booking.card_payment_method_id ?? "";
  const customer = booking.card_customer_id ?? "";
  return {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    attempt: payment.attempt,
    amount: { amount: payment.amount, currency },
    purpose: payment.purpose,
    offSession: true,
    paymentMethodId: card,
    // A Standard account's card was saved on the fieldworker's own account, for the customer's copy there.
    ...(standard && booking.card_on_account !== null
      ? { connectedCustomerId: customer }
      : { stripeCustomerId: customer }),
    ...(connect !== null && {
      connect: {
        accountId: connect.accountId,
        accountType: connect.accountType,
        fee: connect.fee,
        applicationFee: { amount: payment.application_fee_amount ?? 0, currency },
      },
    }),
  };
}

const refusal = (
  payment: PaymentRow,
  paymentIntentId: string,
  status: string,
  code: string,
  message = "",
) => ({
  paymentId: payment.id,
  amount: payment.amount,
  paymentIntentId,
  status,
  code,
  message: message || "The customer's bank asked them to confirm this payment.",
});

/** A card error becomes a balance the customer pays; a passing problem is thrown, for the queue to retry. */
async function refusedOrThrow(
  ctx: AfterJobContext,
  payment: PaymentRow,
  error: PaymentError,
): Promise<string> {
  if (error.retryable) {
    throw new Error(`after-job ${payment.purpose} of booking ${payment.booking_id}: ${error.message}`);
  }
  const { booking } = ctx;
  const card = error.code === "card_declined" || error.code === "card_authentication_required";
  const authentication = error.code === "card_authentication_required";
  const reason = authentication
    ? ({ kind: "authentication_required" } as const)
    : ({ kind: "declined", message: error.message } as const);
  if (card && error.paymentIntentId !== undefined) {
    const status =
      error.paymentIntentStatus ?? (authentication ? "requires_action" : "requires_payment_method");
    const code = error.declineCode ?? error.stripeCode ?? error.code;
    await chargeRefused(ctx, refusal(payment, error.paymentIntentId, status, code, error.message), reason);
    return `${payment.purpose}: ${error.message} The customer was emailed a link to pay.`;
  }
  await recordCreateFailure(ctx.deps.db, booking.tenant_id, payment.id, {
    code: error.code,
    message: error.message,
  });
  if (card) {
    // Refused before any PaymentIntent existed: the customer pays on the portal with a new one.
    await balanceDueWithoutIntent(ctx, payment.amount, reason);
    return `${payment.purpose}: ${error.message} The customer was emailed a link to pay.`;
  }
  await recordAfterJobProblem(ctx.deps.db, {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    title: "A finished job's payment could not be charged",
    explanation: `Stripe refused the after-job charge: ${error.message}`,
    fix: error.fix,
  });
  return `${payment.purpose}: refused by Stripe (${error.code}); the admin was alerted`;
}
