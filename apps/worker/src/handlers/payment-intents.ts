// PaymentIntent status -> payment and booking status, through the transition shared with the api.
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import type Stripe from "stripe";
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
  return applied
    ? `payment is ${intent.status}`
    : "ignored: not one of our payments, or a newer event was applied";
}
