// Per admin: the categories of email they turned off (payout failures, health, disputes). Sign-in links and
// customers' emails have no switch.
import type { Db } from "../client.ts";
import type { OptionalEmailCategory } from "../schema-emails.ts";

export async function listOptOuts(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<OptionalEmailCategory[]> {
  const rows = await db
    .selectFrom("email_opt_outs")
    .select("category")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.category);
}

export async function setOptOut(
  db: Db,
  who: { tenantId: string; userId: string },
  category: OptionalEmailCategory,
  off: boolean,
): Promise<void> {
  if (off) {
    await db
      .insertInto("email_opt_outs")
      .values({ tenant_id: who.tenantId, user_id: who.userId, category })
      .onConflict((oc) => oc.columns(["user_id", "category"]).doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("email_opt_outs")
      .where("tenant_id", "=", who.tenantId)
      .where("user_id", "=", who.userId)
      .where("category", "=", category)
      .execute();
  }
}

/** The business's admins who want emails of this category. */
export async function adminRecipients(db: Db, tenantId: string, category: OptionalEmailCategory) {
  return db
    .selectFrom("users")
    .select(["users.id", "users.email", "users.name"])
    .where("users.tenant_id", "=", tenantId)
    .where("users.role", "=", "admin")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("email_opt_outs")
            .select("email_opt_outs.user_id")
            .whereRef("email_opt_outs.user_id", "=", "users.id")
            .where("email_opt_outs.category", "=", category),
        ),
      ),
    )
    .orderBy("users.created_at")
    .execute();
}
