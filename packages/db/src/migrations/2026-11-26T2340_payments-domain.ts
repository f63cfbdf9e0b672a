// The payments domain in one step: fieldworkers and invitations (Connect), services, bookings, payments and
// refunds (portal), Stripe webhook events, payouts, transfers, fees, alerts and health reports (worker).
// Every row carries tenant_id; rows mirrored from Stripe keep the `created` of the newest event applied
// (stripe_event_at) so an older event never overwrites newer state.
import { type Kysely, sql } from "kysely";

const id = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const tenant = (c: any) => c.notNull().references("tenants.id").onDelete("cascade");
const now = (c: any) => c.notNull().defaultTo(sql`now()`);
const currency = (c: any) => c.notNull().check(sql`currency ~ '^[a-z]{3}$'`);

async function fieldworkers(db: Kysely<any>) {
  await db.schema
    .createTable("fieldworker_accounts")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("stripe_account_id", "text", (c) => c.unique())
    .addColumn("account_type", "text", (c) => c.check(sql`account_type in ('standard', 'express', 'custom')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("not_connected")
        .check(
          sql`status in ('not_connected', 'onboarding_incomplete', 'pending_verification', 'restricted', 'active', 'deauthorized')`,
        ),
    )
    .addColumn("charges_enabled", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("payouts_enabled", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("details_submitted", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("requirements", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("capabilities", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("commission_bps", "integer", (c) => c.check(sql`commission_bps between 0 and 10000`))
    .addColumn("commission_fixed", "bigint", (c) => c.check(sql`commission_fixed >= 0`))
    .addColumn("link_attempt", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stripe_event_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema
    .createIndex("fieldworker_accounts_tenant")
    .on("fieldworker_accounts")
    .column("tenant_id")
    .execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "bytea", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("invited_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", now)
    .execute();

  await db.schema
    .createTable("outbox_emails")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", now)
    .execute();
}

async function bookings(db: Kysely<any>) {
  await db.schema
    .createTable("services")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duration_minutes", "integer", (c) =>
      c.notNull().check(sql`duration_minutes between 5 and 1440`),
    )
    .addColumn("price_amount", "bigint", (c) => c.notNull().check(sql`price_amount > 0`))
    .addColumn("currency", "text", currency)
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", now)
    .execute();

  await db.schema
    .createTable("stripe_customers")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("stripe_customer_id", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", now)
    .execute();

  await db.schema
    .createTable("bookings")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("customer_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("service_id", "uuid", (c) => c.notNull().references("services.id"))
    .addColumn("fieldworker_id", "uuid", (c) => c.references("users.id"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("currency", "text", currency)
    .addColumn("commission_bps", "integer", (c) => c.check(sql`commission_bps between 0 and 10000`))
    .addColumn("commission_fixed", "bigint", (c) => c.check(sql`commission_fixed >= 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending_payment")
        .check(
          sql`status in ('pending_payment', 'requires_action', 'paid', 'payment_failed', 'partially_refunded', 'refunded', 'canceled', 'disputed')`,
        ),
    )
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema
    .createIndex("bookings_tenant")
    .on("bookings")
    .columns(["tenant_id", "created_at"])
    .execute();
  await db.schema.createIndex("bookings_customer").on("bookings").column("customer_id").execute();

  await db.schema
    .createTable("payments")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("booking_id", "uuid", (c) => c.notNull().references("bookings.id").onDelete("cascade"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("payment_intent_id", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", currency)
    .addColumn("charge_type", "text", (c) =>
      c.notNull().check(sql`charge_type in ('direct', 'destination', 'direct_on_connected_account')`),
    )
    .addColumn("on_account", "text")
    .addColumn("fieldworker_account_id", "text")
    .addColumn("application_fee_amount", "bigint")
    .addColumn("fieldworker_net_amount", "bigint")
    .addColumn("amount_refunded", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("failure_code", "text")
    .addColumn("failure_message", "text")
    .addColumn("stripe_event_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await sql`create unique index payments_booking_attempt on payments (booking_id, attempt)`.execute(db);

  await db.schema
    .createTable("refunds")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("payment_id", "uuid", (c) => c.notNull().references("payments.id").onDelete("cascade"))
    .addColumn("stripe_refund_id", "text", (c) => c.unique())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("currency", "text", currency)
    .addColumn("refund_application_fee", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("reverse_transfer", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", now)
    .execute();
}

async function worker(db: Kysely<any>) {
  await db.schema
    .createTable("webhook_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("endpoint", "text", (c) => c.notNull().check(sql`endpoint in ('account', 'connect')`))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("account", "text")
    .addColumn("livemode", "boolean", (c) => c.notNull())
    .addColumn("stripe_created_at", "timestamptz", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", now)
    .addColumn("processed_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
  await db.schema
    .createIndex("webhook_events_tenant")
    .on("webhook_events")
    .columns(["tenant_id", "received_at"])
    .execute();
  await sql`create index webhook_events_unprocessed on webhook_events (received_at) where processed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("payouts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("fieldworker_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("currency", "text", currency)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("arrival_date", "timestamptz")
    .addColumn("failure_code", "text")
    .addColumn("failure_message", "text")
    .addColumn("stripe_created_at", "timestamptz", (c) => c.notNull())
    .addColumn("stripe_event_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("payouts_tenant").on("payouts").columns(["tenant_id", "account_id"]).execute();

  await db.schema
    .createTable("transfers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("destination", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("amount_reversed", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("currency", "text", currency)
    .addColumn("source_charge", "text")
    .addColumn("stripe_created_at", "timestamptz", (c) => c.notNull())
    .addColumn("stripe_event_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("application_fees")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("amount_refunded", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("currency", "text", currency)
    .addColumn("charge", "text")
    .addColumn("stripe_created_at", "timestamptz", (c) => c.notNull())
    .addColumn("stripe_event_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("alerts")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull().check(sql`severity in ('info', 'warning', 'critical')`))
    .addColumn("account_id", "text")
    .addColumn("fieldworker_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("payout_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("fix", "text", (c) => c.notNull())
    .addColumn("since", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", now)
    .addColumn("resolved_at", "timestamptz")
    .execute();
  await sql`create unique index alerts_open_key on alerts (tenant_id, key) where resolved_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("health_reports")
    .addColumn("id", "uuid", id)
    .addColumn("tenant_id", "uuid", tenant)
    .addColumn("trigger", "text", (c) =>
      c.notNull().check(sql`trigger in ('scheduled', 'manual', 'settings_changed')`),
    )
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pass', 'warn', 'fail')`))
    .addColumn("checks", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema
    .createIndex("health_reports_tenant")
    .on("health_reports")
    .columns(["tenant_id", "created_at"])
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await fieldworkers(db);
  await bookings(db);
  await worker(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "health_reports",
    "alerts",
    "application_fees",
    "transfers",
    "payouts",
    "webhook_events",
    "refunds",
    "payments",
    "bookings",
    "stripe_customers",
    "services",
    "outbox_emails",
    "invitations",
    "fieldworker_accounts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
