// The batched store behind the webhook endpoint: concurrent deliveries (with duplicates inside one batch) are
// each stored once with one job, every request answered after its own commit.
import { randomUUID } from "node:crypto";
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
import { createEventBatcher } from "./event-batcher.ts";

let kit: WorkerTestKit;
let worker: Awaited<ReturnType<typeof listenWorker>>;
let tenantId: string;

beforeAll(async () => {
  kit = await workerTestKit();
  // A long wait makes every concurrent delivery below land in a few shared batches.
  worker = await listenWorker({
    ...kit.deps,
    storeEvent: createEventBatcher(kit.t.db, { maxBatch: 25, maxWaitMs: 50 }),
  });
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox));
});
afterAll(async () => {
  await worker.close();
  await kit.t.drop();
});

describe("batched webhook store", () => {
  it("stores each of 40 events once, with one job, when every event arrives twice at the same moment", async () => {
    const events = Array.from({ length: 40 }, () =>
      stripeEvent("customer.created", { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" }),
    );
    const responses = await Promise.all(
      [...events, ...events].map((event) => deliver(worker, tenantId, event)),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(40);
    const rows = await kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(events.map((e) => e.id)));
    const { rows: jobs } = await sql<{ n: string }>`
      select count(*) as n from graphile_worker.jobs where key like ${`event:${tenantId}:%`}`.execute(
      kit.t.db,
    );
    expect(Number(jobs[0]?.n)).toBe(40);
    await kit.drain();
    const processed = await kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("processed_at", "is not", null)
      .execute();
    expect(processed).toHaveLength(40);
  });
});
