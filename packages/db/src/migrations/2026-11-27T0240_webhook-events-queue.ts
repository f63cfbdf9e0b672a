// The webhook_events table becomes its own queue: a worker claims due events in batches (`for update skip locked`),
// applies them in one transaction and marks them processed, so an event costs no separate job row. A failed event
// waits until `next_attempt_at` (exponential backoff); a worker that dies releases its claim with its connection.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_events add column next_attempt_at timestamptz not null default now()`.execute(
    db,
  );
  await sql`drop index if exists webhook_events_unprocessed`.execute(db);
  await sql`create index webhook_events_due on webhook_events (next_attempt_at) where processed_at is null`.execute(
    db,
  );
  // Jobs of the retired per-event tasks would fail as unknown tasks: the events themselves are the queue now.
  await sql`
    do $$ begin
      if to_regclass('graphile_worker._private_jobs') is not null then
        delete from graphile_worker._private_jobs where task_id in (
          select id from graphile_worker._private_tasks
          where identifier in ('process_webhook_event', 'sweep_webhook_events'));
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists webhook_events_due`.execute(db);
  await sql`create index webhook_events_unprocessed on webhook_events (received_at) where processed_at is null`.execute(
    db,
  );
  await sql`alter table webhook_events drop column next_attempt_at`.execute(db);
}
