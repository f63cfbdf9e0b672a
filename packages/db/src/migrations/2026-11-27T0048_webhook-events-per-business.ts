// A Stripe event id is unique per Stripe account, but one event can reach several businesses: a fieldworker's
// Standard account connected to two businesses sends each of them the same account.updated. Keyed by the event id
// alone, the second business's copy would be dropped as a duplicate; keyed per business, each gets its own.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_events drop constraint webhook_events_pkey`.execute(db);
  await sql`alter table webhook_events add primary key (tenant_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_events drop constraint webhook_events_pkey`.execute(db);
  await sql`alter table webhook_events add primary key (id)`.execute(db);
}
