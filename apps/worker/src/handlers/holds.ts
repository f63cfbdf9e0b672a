// A card hold's life as Stripe reports it: made (amount_capturable_updated, with when it lapses), captured
// (charge.captured: the PaymentIntent succeeded) or lapsed uncaptured (charge.expired: Stripe released it, so the
// booking falls back to the saved card). All through the shared transition, with its older-event guard.
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import type Stripe from "stripe";
import { type EventContext, fromUnix, idOf } from "./types.ts";

export async function amountCapturableUpdated(
  ctx: EventContext<Stripe.PaymentIntentAmountCapturableUpdatedEvent>,
): Promise<string> {
  const intent = ctx.event.data.object;
  const applied = await applyPaymentIntentSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId: intent.id,
    status: "requires_capture",
    eventAt: ctx.eventAt,
    paymentMethodId: idOf(intent.payment_method),
    captureBefore: captureBeforeOf(intent.latest_charge),
  });
  return applied ? `hold of ${intent.amount_capturable} made` : IGNORED;
}

export async function chargeCaptured(ctx: EventContext<Stripe.ChargeCapturedEvent>): Promise<string> {
  const charge = ctx.event.data.object;
  const paymentIntentId = idOf(charge.payment_intent);
  if (paymentIntentId === null) return "ignored: the charge has no PaymentIntent";
  const applied = await applyPaymentIntentSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    status: "succeeded",
    eventAt: ctx.eventAt,
    paymentMethodId: idOf(charge.payment_method),
  });
  return applied ? `captured ${charge.amount_captured}` : IGNORED;
}

export async function chargeExpired(ctx: EventContext<Stripe.ChargeExpiredEvent>): Promise<string> {
  const charge = ctx.event.data.object;
  const paymentIntentId = idOf(charge.payment_intent);
  if (paymentIntentId === null) return "ignored: the charge has no PaymentIntent";
  // An uncaptured charge expires when its authorization lapses; Stripe cancels the PaymentIntent with it.
  const applied = await applyPaymentIntentSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    status: "canceled",
    eventAt: ctx.eventAt,
  });
  return applied ? "hold lapsed: the saved card is charged after the job" : IGNORED;
}

const IGNORED = "ignored: not one of our payments, or a newer event was applied";

/** The card network's capture deadline, when the event carries the charge expanded. */
function captureBeforeOf(charge: Stripe.PaymentIntent["latest_charge"]): Date | null {
  if (charge === null || typeof charge === "string") return null;
  const seconds = charge.payment_method_details?.card?.capture_before;
  return typeof seconds === "number" ? fromUnix(seconds) : null;
}
