// The processing loop on its own: a poke after a store gets events applied in a burst's few batches, events stored
// by someone else (no poke) are found at the next poll, a burst delays processing for at most maxDeferMs, a database
// failure pauses it without losing anything, and stop() returns once the batch in hand is done.
import { storeWebhookEvent } from "@fieldpay/db/repositories/webhook-events";
import { describe, expect, it } from "vitest";
import { stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { createEventBatcher } from "./event-batcher.ts";
import { startEventProcessor } from "./event-processor.ts";

const env = useWorkerBusiness();

const customer = () => {
  const event = stripeEvent("customer.created", { id: "cus_loop", object: "customer" });
  return {
    id: event.id,
    tenantId: env.tenantId,
    endpoint: "account" as const,
    type: event.type,
    account: null,
    livemode: false,
    createdAt: new Date(event.created * 1000),
    payload: event,
  };
};

const unprocessed = async (ids: string[]) =>
  (
    await env.kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("id", "in", ids)
      .where("processed_at", "is", null)
      .execute()
  ).length;

describe("the webhook processing loop", () => {
  it("applies what the batcher stores as soon as it is poked, long before its poll", async () => {
    const processor = startEventProcessor(env.kit.deps, { pollMs: 60_000, gatherMs: 5, log: () => {} });
    try {
      // Let both lanes find nothing and settle into their (one-minute) rest.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { store } = createEventBatcher(env.kit.t.db, { onStored: processor.poke });
      const events = Array.from({ length: 30 }, customer);
      await Promise.all(events.map(store));
      await expect.poll(() => unprocessed(events.map((e) => e.id)), { timeout: 5000 }).toBe(0);
    } finally {
      await processor.stop();
    }
  });

  it("finds events stored by another process at its next poll", async () => {
    const processor = startEventProcessor(env.kit.deps, { pollMs: 50, log: () => {} });
    try {
      const event = customer();
      await storeWebhookEvent(env.kit.t.db, event);
      await expect.poll(() => unprocessed([event.id]), { timeout: 5000 }).toBe(0);
    } finally {
      await processor.stop();
    }
  });

  it("gives way to a burst, then processes as soon as the endpoint is quiet", async () => {
    let burst = true;
    const processor = startEventProcessor(env.kit.deps, {
      pollMs: 20,
      deferWhile: () => burst,
      maxDeferMs: 60_000,
      log: () => {},
    });
    try {
      const event = customer();
      await storeWebhookEvent(env.kit.t.db, event);
      processor.poke();
      // Twenty polls' worth of time: without the deferral it would long be processed.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await unprocessed([event.id])).toBe(1);
      burst = false;
      await expect.poll(() => unprocessed([event.id]), { timeout: 5000 }).toBe(0);
    } finally {
      await processor.stop();
    }
  });

  it("catches up after maxDeferMs even while the burst goes on", async () => {
    const processor = startEventProcessor(env.kit.deps, {
      pollMs: 20,
      deferWhile: () => true,
      maxDeferMs: 100,
      log: () => {},
    });
    try {
      const event = customer();
      await storeWebhookEvent(env.kit.t.db, event);
      await expect.poll(() => unprocessed([event.id]), { timeout: 5000 }).toBe(0);
    } finally {
      await processor.stop();
    }
  });

  it("keeps going after the database fails, and stop() ends it", async () => {
    const messages: string[] = [];
    const broken = startEventProcessor(
      { db: env.kit.t.db.withSchema("no_such_schema") },
      { lanes: 1, pollMs: 20, log: (m) => messages.push(m) },
    );
    await expect.poll(() => messages.length, { timeout: 5000 }).toBeGreaterThan(1);
    await broken.stop();
    expect(messages[0]).toMatch(/webhook processing paused: .*no_such_schema/);
    const count = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toHaveLength(count);
  });
});
