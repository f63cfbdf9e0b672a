// Refunds (including those made in the Stripe dashboard) and disputes on our payments.
import { applyChargeRefunded, applyDisputeCreated } from "@fieldpay/db/repositories/charge-events";
import type Stripe from "stripe";
import { type EventContext, idOf } from "./types.ts";

export async function chargeRefunded(ctx: EventContext<Stripe.ChargeRefundedEvent>): Promise<string> {
  const charge = ctx.event.data.object;
  const paymentIntentId = idOf(charge.payment_intent);
  if (paymentIntentId === null) return "ignored: the charge has no PaymentIntent";
  const matched = await applyChargeRefunded(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    amountRefunded: charge.amount_refunded,
    refunds: (charge.refunds?.data ?? []).map((r) => ({ id: r.id, status: r.status ?? "pending" })),
  });
  return matched
    ? `refunded ${charge.amount_refunded} of ${charge.amount}`
    : "ignored: not one of our payments";
}

export async function disputeCreated(ctx: EventContext<Stripe.ChargeDisputeCreatedEvent>): Promise<string> {
  const paymentIntentId = idOf(ctx.event.data.object.payment_intent);
  if (paymentIntentId === null) return "ignored: the dispute has no PaymentIntent";
  const matched = await applyDisputeCreated(ctx.trx, { tenantId: ctx.tenantId, paymentIntentId });
  return matched ? "booking marked disputed" : "ignored: not one of our payments";
}
