// Stripe webhook events as received: stored once per business (business and event id are the primary key), each
// with its processing job committed in the same transaction, so an event is either not stored (Stripe retries)
// or stored and queued.
import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { WebhookEventsTable } from "../schema.ts";
import { enqueueJob, enqueueJobs } from "./job-queue.ts";

export type WebhookEventRow = Selectable<WebhookEventsTable>;

export interface ReceivedEvent {
  id: string;
  tenantId: string;
  endpoint: "account" | "connect";
  type: string;
  account: string | null;
  livemode: boolean;
  createdAt: Date;
  payload: Record<string, unknown>;
}

/** Events that keep failing stop being retried after this many attempts (graphile-worker's default too). */
export const MAX_EVENT_ATTEMPTS = 25;

/** The job key of an event: one job per business and event, so duplicates coalesce. */
export const eventJobKey = (tenantId: string, eventId: string) => `event:${tenantId}:${eventId}`;

const processJob = (tenantId: string, eventId: string) =>
  ({
    task: "process_webhook_event",
    payload: { tenantId, eventId },
    jobKey: eventJobKey(tenantId, eventId),
  }) as const;

/** Stores the event and queues its processing; false when it was already stored (a duplicate delivery). */
export async function storeWebhookEvent(db: Db, event: ReceivedEvent): Promise<boolean> {
  const [stored] = await storeWebhookEvents(db, [event]);
  return stored === true;
}

/**
 * Stores many events and queues their processing in one transaction (two statements, whatever the count): how the
 * webhook endpoint keeps up with bursts. Answers, per event in order, whether it was new; a duplicate (already
 * stored, or earlier in the same batch) is false.
 */
export async function storeWebhookEvents(db: Db, events: readonly ReceivedEvent[]): Promise<boolean[]> {
  if (events.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("webhook_events")
      .values(
        events.map((event) => ({
          id: event.id,
          tenant_id: event.tenantId,
          endpoint: event.endpoint,
          type: event.type,
          account: event.account,
          livemode: event.livemode,
          stripe_created_at: event.createdAt,
          payload: JSON.stringify(event.payload),
        })),
      )
      .onConflict((oc) => oc.columns(["tenant_id", "id"]).doNothing())
      .returning(["tenant_id", "id"])
      .execute();
    await enqueueJobs(
      trx,
      inserted.map((row) => processJob(row.tenant_id, row.id)),
    );
    const fresh = new Set(inserted.map((row) => eventJobKey(row.tenant_id, row.id)));
    // Only the first copy of an event in the batch counts as new.
    return events.map((event) => fresh.delete(eventJobKey(event.tenantId, event.id)));
  });
}

/**
 * The event, locked until the transaction ends: a second job for the same event waits here and then finds it
 * processed. A worker that dies mid-way releases the lock with its connection, and the work rolls back.
 */
export async function lockWebhookEvent(
  trx: Db,
  tenantId: string,
  id: string,
): Promise<WebhookEventRow | undefined> {
  return trx
    .selectFrom("webhook_events")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markWebhookEventProcessed(trx: Db, tenantId: string, id: string): Promise<void> {
  await trx
    .updateTable("webhook_events")
    .set((eb) => ({ processed_at: sql`now()`, attempts: eb("attempts", "+", 1), last_error: null }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** A failed attempt, recorded outside the rolled-back processing transaction. */
export async function recordWebhookEventFailure(
  db: Db,
  tenantId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 500) }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/**
 * Queues again every unprocessed event older than `olderThanSeconds` that has no job that will run: its job died
 * with a killed worker (still marked running) or was lost. Events being processed right now are locked and
 * skipped; events waiting for a retry keep their job and its backoff. Returns how many were queued.
 */
export async function requeueStrandedEvents(
  db: Db,
  options: { olderThanSeconds: number; limit: number },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ tenant_id: string; id: string }>`
      select e.tenant_id, e.id from webhook_events e
      where e.processed_at is null
        and e.received_at < now() - make_interval(secs => ${options.olderThanSeconds})
        and e.attempts < ${MAX_EVENT_ATTEMPTS}
        and not exists (
          select 1 from graphile_worker.jobs j
          where j.key = 'event:' || e.tenant_id || ':' || e.id
            and j.locked_at is null and j.attempts < j.max_attempts
        )
      order by e.received_at
      limit ${options.limit}
      for update of e skip locked`.execute(trx);
    for (const row of rows) {
      await enqueueJob(trx, { ...processJob(row.tenant_id, row.id), jobKeyMode: "preserve_run_at" });
    }
    return rows.length;
  });
}

/** The newest event received on a business's endpoint, for "notifications arriving" checks. */
export async function latestWebhookEvent(
  db: Db,
  tenantId: string,
  endpoint: "account" | "connect",
): Promise<Pick<WebhookEventRow, "received_at" | "livemode"> | undefined> {
  return db
    .selectFrom("webhook_events")
    .select(["received_at", "livemode"])
    .where("tenant_id", "=", tenantId)
    .where("endpoint", "=", endpoint)
    .orderBy("received_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
