// Password reset links: one open link per user (asking again replaces it), single use, short-lived.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { PasswordResetsTable, Role } from "../schema.ts";

export type PasswordReset = Selectable<PasswordResetsTable>;

/** A fresh link for the user (an earlier unused one stops working); run it in the transaction that emails it. */
export async function replacePasswordReset(
  trx: Db,
  input: { tenantId: string; userId: string; tokenHash: Uint8Array; expiresAt: Date },
): Promise<{ id: string }> {
  await trx
    .deleteFrom("password_resets")
    .where("user_id", "=", input.userId)
    .where("used_at", "is", null)
    .execute();
  return trx
    .insertInto("password_resets")
    .values({
      tenant_id: input.tenantId,
      user_id: input.userId,
      token_hash: input.tokenHash,
      expires_at: input.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export interface PasswordResetView {
  reset: PasswordReset;
  user: { email: string; role: Role };
  tenant: { name: string; slug: string };
}

export async function findPasswordResetByTokenHash(
  db: Db,
  tokenHash: Uint8Array,
): Promise<PasswordResetView | undefined> {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .innerJoin("tenants", "tenants.id", "password_resets.tenant_id")
    .selectAll("password_resets")
    .select(["users.email", "users.role", "tenants.name as tenant_name", "tenants.slug as tenant_slug"])
    .where("password_resets.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { email, role, tenant_name, tenant_slug, ...reset } = row;
  return { reset, user: { email, role }, tenant: { name: tenant_name, slug: tenant_slug } };
}

/** Uses the link up, atomically: of two tabs racing with one link, exactly one gets true. */
export async function claimPasswordReset(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Forgets links that expired before `before` (used ones expire too, an hour after they were sent). Kept a while
 * after expiry so that an old link still says it expired or was used, rather than that it is not valid.
 */
export async function deleteExpiredPasswordResets(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("password_resets").where("expires_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
