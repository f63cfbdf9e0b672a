// The Stripe customer behind each customer user, on the business's own (platform) account.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { StripeCustomersTable } from "../schema.ts";

export type StripeCustomerRow = Selectable<StripeCustomersTable>;

export async function findStripeCustomer(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<StripeCustomerRow | undefined> {
  return db
    .selectFrom("stripe_customers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/**
 * Remembers the Stripe customer made for a user. When two requests raced to create it, the first stored row
 * wins (Stripe returned the same customer to both, thanks to the idempotency key) and is returned. The conflict
 * has no target on purpose: two racing inserts can collide on the unique Stripe customer id before the user id,
 * and a conflict on an index that is not the named target is an error, not "do nothing".
 */
export async function saveStripeCustomer(
  db: Db,
  row: { tenantId: string; userId: string; stripeCustomerId: string },
): Promise<StripeCustomerRow> {
  await db
    .insertInto("stripe_customers")
    .values({ tenant_id: row.tenantId, user_id: row.userId, stripe_customer_id: row.stripeCustomerId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const saved = await findStripeCustomer(db, row.tenantId, row.userId);
  if (!saved) throw new Error("the stripe customer row vanished right after it was written");
  return saved;
}

/** A new save-card attempt number for the user: each opened save-card form gets its own SetupIntent. */
export async function nextSetupAttempt(db: Db, tenantId: string, userId: string): Promise<number | null> {
  const row = await db
    .updateTable("stripe_customers")
    .set((eb) => ({ setup_attempt: eb("setup_attempt", "+", 1) }))
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .returning("setup_attempt")
    .executeTakeFirst();
  return row?.setup_attempt ?? null;
}
