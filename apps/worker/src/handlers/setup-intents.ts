import { applyBookingSetupSucceeded } from "@fieldpay/db/repositories/bookings";
import type Stripe from "stripe";
import { type EventContext, idOf } from "./types.ts";

/**
 * A card was saved. A booking's SetupIntent (recorded on the booking when the pay page made it, with the customer
 * and account it lives on) keeps the card on that booking for the charge after the job, and a card-on-file
 * booking waiting for it becomes "card saved"; a SetupIntent the booking replaced matches nothing. Other saved
 * cards are listed live from Stripe, so nothing is stored for them; the event is acknowledged once the customer
 * is known to be one of this business's.
 */
export async function setupIntentSucceeded(
  ctx: EventContext<Stripe.SetupIntentSucceededEvent>,
): Promise<string> {
  const intent = ctx.event.data.object;
  const customerId = idOf(intent.customer);
  const paymentMethodId = idOf(intent.payment_method);
  if (intent.metadata?.booking_id !== undefined && paymentMethodId !== null) {
    const saved = await applyBookingSetupSucceeded(ctx.trx, {
      tenantId: ctx.tenantId,
      setupIntentId: intent.id,
      paymentMethodId,
    });
    if (saved) return "card saved on the booking for the charge after the job";
  }
  if (customerId === null) return "ignored: no customer on the SetupIntent";
  const known = await ctx.trx
    .selectFrom("stripe_customers")
    .select("user_id")
    .where("tenant_id", "=", ctx.tenantId)
    .where("stripe_customer_id", "=", customerId)
    .executeTakeFirst();
  return known ? "card saved (listed live from Stripe)" : "ignored: not one of this business's customers";
}
