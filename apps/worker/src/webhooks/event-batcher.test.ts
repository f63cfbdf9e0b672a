// The batched store behind the webhook endpoint: concurrent deliveries (with duplicates inside one batch) are
// each stored once, every request answered after its own commit, and the processing loop poked once stored.
import { randomUUID } from "node:crypto";
import { type ReceivedEvent, storeWebhookEvents } from "@fieldpay/db/repositories/webhook-events";
import { holdUncommitted } from "@fieldpay/db/testing/hold-uncommitted";
import { describe, expect, it } from "vitest";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { createEventBatcher } from "./event-batcher.ts";

// A long wait makes every concurrent delivery below land in a few shared batches.
const pokes: number[] = [];
const env = useWorkerBusiness((kit) => ({
  ...kit.deps,
  storeEvent: createEventBatcher(kit.t.db, {
    maxBatch: 25,
    maxWaitMs: 50,
    onStored: () => pokes.push(Date.now()),
  }).store,
}));

describe("batched webhook store", () => {
  it("stores each of 40 events once when every event arrives twice at the same moment", async () => {
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
    expect(pokes.length).toBeGreaterThan(0);
    // Only duplicates: nothing new to process, so the processing loop is left alone.
    const before = pokes.length;
    const again = await Promise.all(
      events.slice(0, 10).map((event) => deliver(env.worker, env.tenantId, event)),
    );
    expect(again.every((r) => r.status === 200 && r.body.duplicate === true)).toBe(true);
    expect(pokes).toHaveLength(before);
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

describe("statements in flight", () => {
  it("while the one statement allowed waits, later events gather for the next one", async () => {
    let statements = 0;
    const batcher = createEventBatcher(env.kit.t.db, {
      maxInFlight: 1,
      maxWaitMs: 1,
      onStored: () => {
        statements += 1;
      },
    });
    const first = stripeEvent("customer.created", { id: "cus_first", object: "customer" });
    // Hold an uncommitted copy of the first event: the statement storing it waits on that row.
    const blocker = await holdUncommitted(env.kit.t.db, (trx) => storeWebhookEvents(trx, [received(first)]));
    const answers: string[] = [];
    const firstStored = batcher.store(received(first)).then(() => answers.push(first.id));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const later = Array.from({ length: 10 }, () =>
      stripeEvent("customer.created", { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" }),
    );
    const laterStored = later.map((event) =>
      batcher.store(received(event)).then(() => answers.push(event.id)),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answers).toEqual([]);
    await blocker.rollBack();
    await Promise.all([firstStored, ...laterStored]);
    expect(answers[0]).toBe(first.id);
    expect(statements).toBe(2);
  });
});

describe("how busy the endpoint is", () => {
  it("is busy at or above busyPerSecond over the last 100 ms, and quiet again once arrivals stop", async () => {
    let clock = 1_000;
    const batcher = createEventBatcher(env.kit.t.db, { busyPerSecond: 100, now: () => clock });
    const event = () =>
      stripeEvent("customer.created", { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" });
    const store = (n: number) =>
      Promise.all(Array.from({ length: n }, () => deliverTo(batcher.store, event())));
    await store(9);
    expect(batcher.busy()).toBe(false);
    await store(1);
    expect(batcher.busy()).toBe(true);
    clock += 150; // the burst is now the previous window
    expect(batcher.busy()).toBe(true);
    clock += 150;
    expect(batcher.busy()).toBe(false);
  });
});

function deliverTo(store: (e: ReceivedEvent) => Promise<boolean>, event: ReturnType<typeof stripeEvent>) {
  return store(received(event));
}

function received(event: ReturnType<typeof stripeEvent>): ReceivedEvent {
  return {
    id: event.id,
    tenantId: env.tenantId,
    endpoint: "account",
    type: event.type,
    account: null,
    livemode: false,
    createdAt: new Date(event.created * 1000),
    payload: event,
  };
}
