// PaymentIntent status -> payment and booking status, through the transition shared with the api.
import { requestAfterJobCharge } from "@fieldpay/db/repositories/job-queue";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { AFTER_JOB } from "@fieldpay/db/repositories/payments";
import type Stripe from "stripe";
import { queueReceipt } from "../mail/booking-emails.ts";
import { type EventContext, idOf } from "./types.ts";

export type PaymentIntentEvent =
  | Stripe.PaymentIntentSucceededEvent
  | Stripe.PaymentIntentPaymentFailedEvent
  | Stripe.PaymentIntentRequiresActionEvent
  | Stripe.PaymentIntentCanceledEvent;

export async function paymentIntentChanged(ctx: EventContext<PaymentIntentEvent>): Promise<string> {
  const intent = ctx.event.data.object;
  const error = intent.last_payment_error;
  const applied = await applyPaymentIntentSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId: intent.id,
    status: intent.status,
    failureCode: error ? (error.decline_code ?? error.code ?? null) : null,
    failureMessage: error?.message ?? null,
    eventAt: ctx.eventAt,
    // The card it was paid with: a deposit kept with setup_future_usage saves it for the after-job charge.
    paymentMethodId: idOf(intent.payment_method),
  });
  // The receipt follows the ledger, not this event's order: a success recorded some other way (the charge job's
  // own answer, a newer event) still gets its one receipt; queueReceipt writes nothing for a charge not in it.
  if (intent.status === "succeeded") {
    const receipt = { tenantId: ctx.tenantId, paymentIntentId: intent.id, webOrigin: ctx.webOrigin };
    if (await queueReceipt(ctx.trx, receipt)) return "payment is succeeded; the customer's receipt is queued";
  }
  if (!applied) return "ignored: not one of our payments, or a newer event was applied";
  if (await afterJobRefused(ctx, intent.id))
    return `payment is ${intent.status}; the customer will be asked to pay`;
  return `payment is ${intent.status}`;
}

/**
 * An after-job charge Stripe refused by event rather than in its answer (an asynchronous decline, or the bank
 * asking for the customer): the after-job job runs again, and sends the customer's link and the admin's alert
 * from the one place that writes them (jobs/after-job/balance-due.ts), once.
 */
async function afterJobRefused(
  ctx: EventContext<PaymentIntentEvent>,
  paymentIntentId: string,
): Promise<boolean> {
  const payment = await ctx.trx
    .selectFrom("payments")
    .select(["booking_id", "purpose", "status", "failure_code"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
  if (!payment || !AFTER_JOB.includes(payment.purpose)) return false;
  const refused =
    payment.status === "requires_action" ||
    (payment.status === "requires_payment_method" && payment.failure_code !== null);
  if (!refused) return false;
  await requestAfterJobCharge(ctx.trx, ctx.tenantId, payment.booking_id);
  return true;
}
