// The processing loop on its own: a poke after a store gets events applied in a burst's few batches, events stored
// by someone else (no poke) are found at the next poll, a burst delays processing for at most maxDeferMs, a database
// failure pauses it without losing anything, and stop() returns once the batch in hand is done.
import { storeWebhookEvent } from "@fieldpay/db/repositories/webhook-events";
import { createLogger } from "@fieldpay/payments/log";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { createEventBatcher } from "./event-batcher.ts";
import { type EventProcessor, type EventProcessorOptions, startEventProcessor } from "./event-processor.ts";

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

/** Runs `use` with a processing loop of these options, stopped afterwards whatever happens. */
async function withProcessor(options: EventProcessorOptions, use: (p: EventProcessor) => Promise<void>) {
  const processor = startEventProcessor(env.kit.deps, options);
  try {
    await use(processor);
  } finally {
    await processor.stop();
  }
}

/** Stores an event the way another worker process would (no poke) and answers its id. */
async function storedElsewhere() {
  const event = customer();
  await storeWebhookEvent(env.kit.t.db, event);
  return event.id;
}

const allProcessed = (ids: string[]) => expect.poll(() => unprocessed(ids), { timeout: 5000 }).toBe(0);

describe("the webhook processing loop", () => {
  it("applies what the batcher stores as soon as it is poked, long before its poll", () =>
    withProcessor({ pollMs: 60_000, gatherMs: 5 }, async (processor) => {
      // Let both lanes find nothing and settle into their (one-minute) rest.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { store } = createEventBatcher(env.kit.t.db, { onStored: processor.poke });
      const events = Array.from({ length: 30 }, customer);
      await Promise.all(events.map(store));
      await allProcessed(events.map((e) => e.id));
    }));

  it("finds events stored by another process at its next poll", () =>
    withProcessor({ pollMs: 50 }, async () => {
      await allProcessed([await storedElsewhere()]);
    }));

  it("gives way to a burst, then processes as soon as the endpoint is quiet", async () => {
    let burst = true;
    await withProcessor({ pollMs: 20, deferWhile: () => burst, maxDeferMs: 60_000 }, async (processor) => {
      const id = await storedElsewhere();
      processor.poke();
      // Twenty polls' worth of time: without the deferral it would long be processed.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await unprocessed([id])).toBe(1);
      burst = false;
      await allProcessed([id]);
    });
  });

  it("catches up after maxDeferMs even while the burst goes on", () =>
    withProcessor({ pollMs: 20, deferWhile: () => true, maxDeferMs: 100 }, async () => {
      await allProcessed([await storedElsewhere()]);
    }));

  it("says once that it paused on a database problem, keeps trying, says when it resumed, and stop() ends it", async () => {
    const messages: string[] = [];
    const log = createLogger({
      app: "worker",
      format: "json",
      destination: { write: (line) => messages.push(String(JSON.parse(line).msg)) },
    });
    const schema = `later_${Date.now()}`;
    const processor = startEventProcessor(
      { db: env.kit.t.db.withSchema(schema), log, webOrigin: env.kit.deps.webOrigin },
      { lanes: 2, pollMs: 20 },
    );
    try {
      await expect.poll(() => messages.length, { timeout: 5000 }).toBe(1);
      expect(messages[0]).toMatch(
        new RegExp(`webhook processing paused: .*${schema}.*trying again every 20 ms`),
      );
      // Ten polls later, still one line.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(messages).toHaveLength(1);
      await sql`create schema ${sql.id(schema)}`.execute(env.kit.t.db);
      await sql`create table ${sql.id(schema, "webhook_events")} (like public.webhook_events including all)`.execute(
        env.kit.t.db,
      );
      await expect.poll(() => messages.at(-1), { timeout: 5000 }).toBe("webhook processing resumed");
    } finally {
      await processor.stop();
    }
    const count = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toHaveLength(count);
  });
});
