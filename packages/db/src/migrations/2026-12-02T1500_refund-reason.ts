// Why a refund was made, as sent to Stripe as the refund's `reason`: the admin's choice on the refund dialog, or
// "duplicate" for fieldpay's own refund of a duplicate payment. Null when none was given (an overcharge refunded
// after a capture, a refund made in the Stripe Dashboard, refunds made before this column).
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table refunds
      add column reason text check (reason in ('requested_by_customer', 'duplicate', 'fraudulent'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table refunds drop column reason`.execute(db);
}
