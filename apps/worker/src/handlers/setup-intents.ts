import type Stripe from "stripe";
import type { EventContext } from "./types.ts";

/**
 * A customer saved a card. Saved cards are listed live from Stripe, so nothing is stored; the event is
 * acknowledged once the customer is known to be one of this business's.
 */
export async function setupIntentSucceeded(
  ctx: EventContext<Stripe.SetupIntentSucceededEvent>,
): Promise<string> {
  const customer = ctx.event.data.object.customer;
  const customerId = typeof customer === "string" ? customer : (customer?.id ?? null);
  if (customerId === null) return "ignored: no customer on the SetupIntent";
  const known = await ctx.trx
    .selectFrom("stripe_customers")
    .select("user_id")
    .where("tenant_id", "=", ctx.tenantId)
    .where("stripe_customer_id", "=", customerId)
    .executeTakeFirst();
  return known ? "card saved (listed live from Stripe)" : "ignored: not one of this business's customers";
}
