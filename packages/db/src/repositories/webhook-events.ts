// Stripe webhook events as received, stored once per business (business and event id are the primary key). The
// table is also the processing queue: a stored event is due at once, workers claim due events in batches with
// `for update skip locked`, and an event is either not stored (Stripe retries) or stored and bound to be processed.
import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { WebhookEventsTable } from "../schema.ts";

export type WebhookEventRow = Selectable<WebhookEventsTable>;

export interface ReceivedEvent {
  id: string;
  tenantId: string;
  endpoint: "account" | "connect";
  type: string;
  account: string | null;
  livemode: boolean;
  createdAt: Date;
  /** The verified body: the event's JSON text as Stripe sent it, or the parsed object. */
  payload: string | Record<string, unknown>;
}

export interface EventKey {
  tenantId: string;
  eventId: string;
}

/** Stores the event for processing; false when it was already stored (a duplicate delivery). */
export async function storeWebhookEvent(db: Db, event: ReceivedEvent): Promise<boolean> {
  const [stored] = await storeWebhookEvents(db, [event]);
  return stored === true;
}

/**
 * Stores many events in one statement, whatever the count: how the webhook endpoint keeps up with bursts. Answers,
 * per event in order, whether it was new; a duplicate (already stored, or earlier in the same batch) is false.
 */
export async function storeWebhookEvents(db: Db, events: readonly ReceivedEvent[]): Promise<boolean[]> {
  if (events.length === 0) return [];
  // One JSON document of rows, the payloads spliced in as the text they arrived as (no re-serialising, no escaping
  // into array literals): one parameter, whatever the count, and a statement text that never changes.
  const rows = events.map((event) => {
    const payload = typeof event.payload === "string" ? event.payload : JSON.stringify(event.payload);
    const columns = JSON.stringify({
      id: event.id,
      tenant_id: event.tenantId,
      endpoint: event.endpoint,
      type: event.type,
      account: event.account,
      livemode: event.livemode,
      stripe_created_at: event.createdAt.toISOString(),
    });
    return `${columns.slice(0, -1)},"payload":${payload}}`;
  });
  const { rows: inserted } = await sql<{ tenant_id: string; id: string }>`
    insert into webhook_events (id, tenant_id, endpoint, type, account, livemode, stripe_created_at, payload)
    select e->>'id', (e->>'tenant_id')::uuid, e->>'endpoint', e->>'type', e->>'account', (e->>'livemode')::boolean,
      (e->>'stripe_created_at')::timestamptz, e->'payload'
    from jsonb_array_elements(${`[${rows.join(",")}]`}::jsonb) as e
    on conflict (tenant_id, id) do nothing
    returning tenant_id, id`.execute(db);
  const fresh = new Set(inserted.map((row) => `${row.tenant_id}:${row.id}`));
  // Only the first copy of an event in the batch counts as new.
  return events.map((event) => fresh.delete(`${event.tenantId}:${event.id}`));
}

/**
 * Up to `limit` due events, oldest first, locked until the transaction ends; events another worker holds are
 * skipped, not waited for.
 */
export async function claimDueWebhookEvents(trx: Db, limit: number): Promise<WebhookEventRow[]> {
  return trx
    .selectFrom("webhook_events")
    .selectAll()
    .where("processed_at", "is", null)
    .where("next_attempt_at", "<=", sql<Date>`now()`)
    .orderBy("next_attempt_at")
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Marks claimed events processed in one statement (one committed attempt each). */
export async function markWebhookEventsProcessed(trx: Db, keys: readonly EventKey[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`
    update webhook_events e
    set processed_at = now(), attempts = e.attempts + 1, last_error = null
    from unnest(${keys.map((k) => k.tenantId)}::uuid[], ${keys.map((k) => k.eventId)}::text[]) as k(tenant_id, id)
    where e.tenant_id = k.tenant_id and e.id = k.id`.execute(trx);
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

/**
 * A failed attempt, recorded outside the rolled-back processing transaction: the event waits e^attempts seconds
 * (3 s, 7 s, 20 s, ... then every 6 hours or so) before a worker claims it again. An event is never dropped: one
 * that fails for a day shows in the health report with its error, and is applied once the cause is gone.
 */
export async function recordWebhookEventFailure(
  db: Db,
  tenantId: string,
  id: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 500),
      next_attempt_at: sql<Date>`now() + make_interval(secs => exp(least(${eb.ref("attempts")} + 1, 10)))`,
    }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
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

export interface EventProcessingState {
  /** Events that failed at least once and are not applied yet. */
  failing: number;
  /** Events never tried that have waited longer than asked. */
  waiting: number;
  /** The failing event received first. */
  oldestFailing: Pick<WebhookEventRow, "id" | "type" | "attempts" | "last_error" | "received_at"> | null;
}

/** How a business's received events stand: failing ones, and any left waiting (for the health report). */
export async function webhookProcessingState(
  db: Db,
  tenantId: string,
  options: { waitingAfterSeconds: number },
): Promise<EventProcessingState> {
  const pending = db
    .selectFrom("webhook_events")
    .where("tenant_id", "=", tenantId)
    .where("processed_at", "is", null);
  const [counts, oldestFailing] = await Promise.all([
    pending
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere("attempts", ">", 0).as("failing"),
        eb.fn
          .countAll<string>()
          .filterWhere((w) =>
            w.and([
              w("attempts", "=", 0),
              w("received_at", "<", sql<Date>`now() - make_interval(secs => ${options.waitingAfterSeconds})`),
            ]),
          )
          .as("waiting"),
      ])
      .executeTakeFirstOrThrow(),
    pending
      .select(["id", "type", "attempts", "last_error", "received_at"])
      .where("attempts", ">", 0)
      .orderBy("received_at")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    failing: Number(counts.failing),
    waiting: Number(counts.waiting),
    oldestFailing: oldestFailing ?? null,
  };
}
