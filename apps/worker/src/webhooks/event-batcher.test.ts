// The batched store behind the webhook endpoint: concurrent deliveries (with duplicates inside one batch) are
// each stored once with one job, every request answered after its own commit.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { createEventBatcher } from "./event-batcher.ts";

// A long wait makes every concurrent delivery below land in a few shared batches.
const env = useWorkerBusiness((kit) => ({
  ...kit.deps,
  storeEvent: createEventBatcher(kit.t.db, { maxBatch: 25, maxWaitMs: 50 }),
}));

describe("batched webhook store", () => {
  it("stores each of 40 events once, with one job, when every event arrives twice at the same moment", async () => {
    const events = Array.from({ length: 40 }, () =>
      stripeEvent("customer.created", { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" }),
    );
    const responses = await Promise.all(
      [...events, ...events].map((event) => deliver(env.worker, env.tenantId, event)),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(40);
    const rows = await env.kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("tenant_id", "=", env.tenantId)
      .execute();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(events.map((e) => e.id)));
    const { rows: jobs } = await sql<{ n: string }>`
      select count(*) as n from graphile_worker.jobs where key like ${`event:${env.tenantId}:%`}`.execute(
      env.kit.t.db,
    );
    expect(Number(jobs[0]?.n)).toBe(40);
    await env.kit.drain();
    const processed = await env.kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("tenant_id", "=", env.tenantId)
      .where("processed_at", "is not", null)
      .execute();
    expect(processed).toHaveLength(40);
  });
});
