import { saveSetupCard } from "@fieldpay/db/repositories/stripe-side-changes";
import type Stripe from "stripe";
import { type EventContext, idOf } from "./types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A card was saved. A booking's SetupIntent (its metadata names the booking) keeps the card on that booking for
 * the charge after the job, and a card-on-file booking waiting for it becomes "card saved". Other saved cards
 * are listed live from Stripe, so nothing is stored for them; the event is acknowledged once the customer is
 * known to be one of this business's.
 */
export async function setupIntentSucceeded(
  ctx: EventContext<Stripe.SetupIntentSucceededEvent>,
): Promise<string> {
  const intent = ctx.event.data.object;
  const customerId = idOf(intent.customer);
  const bookingId = intent.metadata?.booking_id;
  const paymentMethodId = idOf(intent.payment_method);
  if (bookingId !== undefined && UUID.test(bookingId) && paymentMethodId !== null) {
    const saved = await saveSetupCard(ctx.trx, {
      tenantId: ctx.tenantId,
      bookingId,
      setupIntentId: intent.id,
      customerId,
      paymentMethodId,
      // A Standard account's SetupIntent lives on the fieldworker's account, and arrives as a Connect event.
      onAccount: ctx.endpoint === "connect" ? (ctx.event.account ?? null) : null,
    });
    if (saved === "saved") return "card saved on the booking for the charge after the job";
    if (saved === "replaced") return "ignored: the booking uses a newer SetupIntent";
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
