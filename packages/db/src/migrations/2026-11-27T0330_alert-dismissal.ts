// An admin can dismiss an open alert they know about (a payout schedule they paused on purpose): it moves out of
// the open list until its condition clears, or comes back by itself if it gets worse.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table alerts add column dismissed_at timestamptz`.execute(db);
  await sql`alter table alerts add column dismissed_by uuid references users(id) on delete set null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table alerts drop column dismissed_by`.execute(db);
  await sql`alter table alerts drop column dismissed_at`.execute(db);
}
