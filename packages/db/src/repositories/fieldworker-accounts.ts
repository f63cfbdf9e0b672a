import { type Selectable, sql } from "kysely";
import type { Db } from "../client.ts";
import type { ConnectAccountType, FieldworkerAccountStatus, FieldworkerAccountsTable } from "../schema.ts";

/** What we keep of a connected account; callers derive it from Stripe's Account object. */
export interface AccountSnapshot {
  status: FieldworkerAccountStatus;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: Record<string, unknown>;
  capabilities: Record<string, string>;
}

/**
 * Applies what Stripe says about a connected account, from a webhook (eventAt = the event's `created`) or a
 * fresh retrieve (eventAt = now). An older snapshot never overwrites a newer one. Returns whether it applied.
 */
export async function applyAccountSnapshot(
  db: Db,
  input: { tenantId: string; stripeAccountId: string; snapshot: AccountSnapshot; eventAt: Date },
): Promise<boolean> {
  const { snapshot } = input;
  const result = await db
    .updateTable("fieldworker_accounts")
    .set({
      status: snapshot.status,
      charges_enabled: snapshot.chargesEnabled,
      payouts_enabled: snapshot.payoutsEnabled,
      details_submitted: snapshot.detailsSubmitted,
      requirements: JSON.stringify(snapshot.requirements),
      capabilities: JSON.stringify(snapshot.capabilities),
      stripe_event_at: input.eventAt,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("stripe_account_id", "=", input.stripeAccountId)
    .where((eb) => eb.or([eb("stripe_event_at", "is", null), eb("stripe_event_at", "<=", input.eventAt)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The fieldworker behind a connected account, within the tenant (Connect events are routed by `event.account`). */
export async function findFieldworkerByStripeAccount(db: Db, tenantId: string, stripeAccountId: string) {
  return db
    .selectFrom("fieldworker_accounts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("stripe_account_id", "=", stripeAccountId)
    .executeTakeFirst();
}

/** The business deauthorized by the fieldworker: the account can no longer be paid. */
export async function markAccountDeauthorized(
  db: Db,
  tenantId: string,
  stripeAccountId: string,
  eventAt: Date,
) {
  await db
    .updateTable("fieldworker_accounts")
    .set({
      status: "deauthorized",
      charges_enabled: false,
      payouts_enabled: false,
      stripe_event_at: eventAt,
      updated_at: sql`now()`,
    })
    .where("tenant_id", "=", tenantId)
    .where("stripe_account_id", "=", stripeAccountId)
    .execute();
}

export type FieldworkerAccount = Selectable<FieldworkerAccountsTable>;

/** A fieldworker's account row (it may not exist yet: no invitation accepted or onboarding not started). */
export async function findFieldworkerAccount(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<FieldworkerAccount | undefined> {
  return db
    .selectFrom("fieldworker_accounts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** The row every fieldworker has from acceptance on; a second call leaves the existing row alone. */
export async function ensureFieldworkerAccount(db: Db, tenantId: string, userId: string) {
  await db
    .insertInto("fieldworker_accounts")
    .values({ tenant_id: tenantId, user_id: userId, requirements: "{}", capabilities: "{}" })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
}

/**
 * Records the connected account Stripe created for a fieldworker. Only a row without one takes it, so two
 * racing onboarding starts (which share one idempotency key and so one Stripe account) cannot disagree.
 */
export async function attachStripeAccount(
  db: Db,
  input: { tenantId: string; userId: string; stripeAccountId: string; accountType: ConnectAccountType },
) {
  await db
    .updateTable("fieldworker_accounts")
    .set({
      stripe_account_id: input.stripeAccountId,
      account_type: input.accountType,
      status: "onboarding_incomplete",
      updated_at: sql`now()`,
    })
    .where("tenant_id", "=", input.tenantId)
    .where("user_id", "=", input.userId)
    .where("stripe_account_id", "is", null)
    .execute();
}

/** A fresh onboarding link is a fresh attempt: Account Links are single-use, and the attempt keys the POST. */
export async function bumpLinkAttempt(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .updateTable("fieldworker_accounts")
    .set((eb) => ({ link_attempt: eb("link_attempt", "+", 1), updated_at: sql`now()` }))
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .returning("link_attempt")
    .executeTakeFirstOrThrow();
  return row.link_attempt;
}

/** Null for either part falls back to the business default (both null: no override at all). */
export async function setFieldworkerCommission(
  db: Db,
  input: { tenantId: string; userId: string; commissionBps: number | null; commissionFixed: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable("fieldworker_accounts")
    .set({
      commission_bps: input.commissionBps,
      commission_fixed: input.commissionFixed,
      updated_at: sql`now()`,
    })
    .where("tenant_id", "=", input.tenantId)
    .where("user_id", "=", input.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface FieldworkerListRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  account: FieldworkerAccount | null;
}

/** Every fieldworker of a business with their account row (if any), oldest first. */
export async function listFieldworkersWithAccounts(db: Db, tenantId: string): Promise<FieldworkerListRow[]> {
  const [users, accounts] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "name", "email", "created_at"])
      .where("tenant_id", "=", tenantId)
      .where("role", "=", "fieldworker")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db.selectFrom("fieldworker_accounts").selectAll().where("tenant_id", "=", tenantId).execute(),
  ]);
  const byUser = new Map(accounts.map((account) => [account.user_id, account]));
  return users.map((user) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    joinedAt: user.created_at,
    account: byUser.get(user.id) ?? null,
  }));
}

/** One open alert per key: raising it again only refreshes when it was last seen. */
export async function raiseFieldworkerAlert(
  db: Db,
  alert: {
    tenantId: string;
    key: string;
    kind: string;
    fieldworkerId: string;
    accountId: string | null;
    title: string;
    explanation: string;
    fix: string;
  },
) {
  await db
    .insertInto("alerts")
    .values({
      tenant_id: alert.tenantId,
      key: alert.key,
      kind: alert.kind,
      severity: "warning",
      fieldworker_id: alert.fieldworkerId,
      account_id: alert.accountId,
      title: alert.title,
      explanation: alert.explanation,
      fix: alert.fix,
      since: new Date(),
    })
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "key"])
        .where("resolved_at", "is", null)
        .doUpdateSet((eb) => ({
          last_seen_at: sql`now()`,
          title: eb.ref("excluded.title"),
          explanation: eb.ref("excluded.explanation"),
          fix: eb.ref("excluded.fix"),
        })),
    )
    .execute();
}

/** The condition behind an alert is over (e.g. the fieldworker can be paid again). */
export async function resolveAlert(db: Db, tenantId: string, key: string) {
  await db
    .updateTable("alerts")
    .set({ resolved_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("key", "=", key)
    .where("resolved_at", "is", null)
    .execute();
}
