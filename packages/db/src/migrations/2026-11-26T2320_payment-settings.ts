import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("payment_settings")
    .addColumn("tenant_id", "uuid", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('direct', 'connect')`))
    .addColumn("publishable_key", "text", (c) => c.notNull())
    // Secrets are sealed (AES-256-GCM, see packages/db/src/secret-box.ts); in clear only their hint: "sk_test_…1234".
    .addColumn("secret_key_sealed", "bytea", (c) => c.notNull())
    .addColumn("secret_key_hint", "text", (c) => c.notNull())
    .addColumn("secret_key_kind", "text", (c) =>
      c.notNull().check(sql`secret_key_kind in ('secret', 'restricted')`),
    )
    .addColumn("key_mode", "text", (c) => c.notNull().check(sql`key_mode in ('test', 'live')`))
    .addColumn("stripe_account_id", "text", (c) => c.notNull())
    .addColumn("stripe_account_country", "text")
    .addColumn("webhook_secret_sealed", "bytea")
    .addColumn("webhook_secret_previous_sealed", "bytea")
    .addColumn("webhook_secret_hint", "text")
    .addColumn("connect_webhook_secret_sealed", "bytea")
    .addColumn("connect_webhook_secret_previous_sealed", "bytea")
    .addColumn("connect_webhook_secret_hint", "text")
    .addColumn("connect_account_type", "text", (c) =>
      c.notNull().defaultTo("express").check(sql`connect_account_type in ('standard', 'express', 'custom')`),
    )
    .addColumn("commission_bps", "integer", (c) =>
      c.notNull().defaultTo(0).check(sql`commission_bps between 0 and 10000`),
    )
    .addColumn("commission_fixed", "bigint", (c) =>
      c.notNull().defaultTo(0).check(sql`commission_fixed >= 0`),
    )
    .addColumn("currency", "text", (c) => c.notNull().check(sql`currency ~ '^[a-z]{3}$'`))
    .addColumn("validated_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("payment_settings").execute();
}
