// The sweeper queues again exactly the events nobody will process: their job is held by a dead worker.

import { eventJobKey } from "@fieldpay/db/repositories/webhook-events";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deliver,
  listenWorker,
  seedBusiness,
  stripeEvent,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { sweepWebhookEvents } from "./sweep-webhook-events.ts";

let kit: WorkerTestKit;
let worker: Awaited<ReturnType<typeof listenWorker>>;
let tenantId: string;

beforeAll(async () => {
  kit = await workerTestKit();
  worker = await listenWorker(kit.deps);
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox));
});
afterAll(async () => {
  await worker.close();
  await kit.t.drop();
});

const payout = (id: string, currency = "usd") => ({
  id,
  object: "payout",
  amount: 500,
  currency,
  status: "paid",
  arrival_date: 1_900_000_000,
  created: 1_900_000_000,
});

const processed = async (id: string) =>
  (
    await kit.t.db
      .selectFrom("webhook_events")
      .select("processed_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).processed_at !== null;

describe("sweepWebhookEvents", () => {
  it("re-queues an event whose job a killed worker still holds, and nothing else", async () => {
    const stranded = stripeEvent("payout.paid", payout("po_stranded"));
    const waiting = stripeEvent("payout.paid", payout("po_waiting"));
    await deliver(worker, tenantId, stranded);
    // What a SIGKILL leaves behind: the job marked running by a worker that no longer exists.
    await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'killed-worker'
      where key = ${eventJobKey(tenantId, stranded.id)}`.execute(kit.t.db);
    await deliver(worker, tenantId, waiting);
    expect(await sweepWebhookEvents(kit.deps, { olderThanSeconds: 0 })).toBe(1);
    await kit.drain();
    expect([await processed(stranded.id), await processed(waiting.id)]).toEqual([true, true]);
    expect(await sweepWebhookEvents(kit.deps, { olderThanSeconds: 0 })).toBe(0);
  });

  it("leaves a failing event to its own backoff instead of retrying it at once", async () => {
    const failing = stripeEvent("payout.paid", payout("po_failing", "not a currency"));
    await deliver(worker, tenantId, failing);
    await kit.drain();
    expect(await sweepWebhookEvents(kit.deps, { olderThanSeconds: 0 })).toBe(0);
  });

  it("waits ~30 s by default before touching an event", async () => {
    const fresh = stripeEvent("payout.paid", payout("po_fresh"));
    await deliver(worker, tenantId, fresh);
    await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'killed-worker'
      where key = ${eventJobKey(tenantId, fresh.id)}`.execute(kit.t.db);
    expect(await sweepWebhookEvents(kit.deps)).toBe(0);
    await sql`update webhook_events set received_at = now() - interval '31 seconds' where id = ${fresh.id}`.execute(
      kit.t.db,
    );
    expect(await sweepWebhookEvents(kit.deps)).toBe(1);
  });
});
