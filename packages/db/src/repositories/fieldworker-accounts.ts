import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { FieldworkerAccountStatus } from "../schema.ts";

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
