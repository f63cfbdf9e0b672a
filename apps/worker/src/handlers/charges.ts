// Refunds on our payments, including those made in the Stripe dashboard (disputes: disputes.ts).

import { applyChargeRefunded } from "@fieldpay/db/repositories/charge-events";
import { recordPaymentCard } from "@fieldpay/db/repositories/payment-events";
import { chargeOf } from "@fieldpay/db/repositories/payments";
import { recordOutsideRefund } from "@fieldpay/db/repositories/stripe-side-changes";
import { refundSplit } from "@fieldpay/payments/ledger";
import type Stripe from "stripe";
import { queueRefundEmails } from "../mail/booking-emails.ts";
import { derivedRefundId } from "../refunds/refund-parts.ts";
import { type EventContext, idOf } from "./types.ts";

/** The card a payment was made with, as Stripe reports it on the charge: the receipt's "Visa ending 4242". */
export async function chargeSucceeded(ctx: EventContext<Stripe.ChargeSucceededEvent>): Promise<string> {
  const charge = ctx.event.data.object;
  const paymentIntentId = idOf(charge.payment_intent);
  const card = charge.payment_method_details?.card;
  if (paymentIntentId === null || !card?.brand || !card.last4)
    return "ignored: not a card charge of a payment";
  const recorded = await recordPaymentCard(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    card: { brand: card.brand, last4: card.last4 },
  });
  return recorded ? `paid with ${card.brand} ending ${card.last4}` : "ignored: not one of our payments";
}

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
  if (!matched) return "ignored: not one of our payments";
  const outside = await recordDashboardRefund(ctx, paymentIntentId, charge);
  const emailed = await queueRefundEmails(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    webOrigin: ctx.webOrigin,
  });
  return `refunded ${charge.amount_refunded} of ${charge.amount}${outside > 0 ? ` (${outside} in the Stripe Dashboard)` : ""}${emailed > 0 ? `; ${emailed} refund email(s) queued` : ""}`;
}

/**
 * What Stripe refunded beyond our refund rows was refunded in the Stripe Dashboard: recorded as a refund of its
 * own so the ledger shows it. A Dashboard refund neither refunds the application fee nor reverses the transfer
 * unless the person ticks those boxes, which the event does not tell; so it is split as made with neither: on a
 * destination charge the business carries all of it, on a Standard account's direct charge the fieldworker's
 * account pays it (Stripe takes it from the balance the charge landed in).
 */
async function recordDashboardRefund(
  ctx: EventContext<Stripe.ChargeRefundedEvent>,
  paymentIntentId: string,
  charge: Stripe.Charge,
): Promise<number> {
  const payment = await ctx.trx
    .selectFrom("payments")
    .select(["charge_type", "amount", "amount_received", "application_fee_amount"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
  if (!payment) return 0;
  return recordOutsideRefund(ctx.trx, {
    tenantId: ctx.tenantId,
    paymentIntentId,
    amountRefunded: charge.amount_refunded,
    refundId: derivedRefundId("dashboard-refund", charge.id, charge.amount_refunded),
    stripeRefundId: null,
    split: (before, refund) =>
      refundSplit(chargeOf(payment), { amount: refund, refundApplicationFee: false, reverseTransfer: false })(
        before,
      ),
  });
}
