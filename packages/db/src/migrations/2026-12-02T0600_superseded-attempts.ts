// A payment attempt replaced by a newer one (other terms, a new card) is cancelled at Stripe and marked superseded,
// so that a success Stripe still lets through on it is known for a duplicate (duplicate_at): refunded in full by
// the worker, shown to the admin, and never counted as the booking's payment or in a fieldworker's earnings.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table payments add column superseded_at timestamptz, add column duplicate_at timestamptz`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table payments drop column superseded_at, drop column duplicate_at`.execute(db);
}
