import type { Db } from "../client.ts";

export type AttemptScope = "account" | "address";

export async function recordFailedAttempt(db: Db, scope: AttemptScope, key: string): Promise<void> {
  await db.insertInto("auth_attempts").values({ scope, key }).execute();
}

export async function countFailedAttempts(
  db: Db,
  scope: AttemptScope,
  key: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom("auth_attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearFailedAttempts(db: Db, scope: AttemptScope, key: string): Promise<void> {
  await db.deleteFrom("auth_attempts").where("scope", "=", scope).where("key", "=", key).execute();
}
