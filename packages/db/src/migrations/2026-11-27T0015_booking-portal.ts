// The booking portal: a save-card attempt counter per Stripe customer (each opened save-card form gets its own
// SetupIntent, a double click the same one), and the business's booking preferences.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("stripe_customers")
    .addColumn("setup_attempt", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("booking_preferences")
    .addColumn("tenant_id", "uuid", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("customers_choose_fieldworker", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("booking_preferences").execute();
  await db.schema.alterTable("stripe_customers").dropColumn("setup_attempt").execute();
}
