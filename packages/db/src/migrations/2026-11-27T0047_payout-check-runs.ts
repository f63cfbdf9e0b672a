// One row per payout delay check of a business (scheduled or asked for from the admin UI), so the alerts page
// can say when payouts were last checked, how many accounts were looked at and how many Stripe would not show.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("payout_check_runs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("tenant_id", "uuid", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("trigger", "text", (c) => c.notNull().check(sql`trigger in ('scheduled', 'manual')`))
    .addColumn("accounts_checked", "integer", (c) => c.notNull())
    .addColumn("accounts_failed", "integer", (c) => c.notNull())
    .addColumn("findings", "integer", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("payout_check_runs_tenant")
    .on("payout_check_runs")
    .columns(["tenant_id", "finished_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("payout_check_runs").execute();
}
