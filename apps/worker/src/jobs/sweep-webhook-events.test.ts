// The sweeper queues again exactly the events nobody will process: their job is held by a dead worker.

import { eventJobKey } from "@fieldpay/db/repositories/webhook-events";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { sweepWebhookEvents } from "./sweep-webhook-events.ts";

const env = useWorkerBusiness();

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
    await env.kit.t.db
      .selectFrom("webhook_events")
      .select("processed_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).processed_at !== null;

describe("sweepWebhookEvents", () => {
  it("re-queues an event whose job a killed worker still holds, and nothing else", async () => {
    const stranded = stripeEvent("payout.paid", payout("po_stranded"));
    const waiting = stripeEvent("payout.paid", payout("po_waiting"));
    await deliver(env.worker, env.tenantId, stranded);
    // What a SIGKILL leaves behind: the job marked running by a worker that no longer exists.
    await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'killed-worker'
      where key = ${eventJobKey(env.tenantId, stranded.id)}`.execute(env.kit.t.db);
    await deliver(env.worker, env.tenantId, waiting);
    expect(await sweepWebhookEvents(env.kit.deps, { olderThanSeconds: 0 })).toBe(1);
    await env.kit.drain();
    expect([await processed(stranded.id), await processed(waiting.id)]).toEqual([true, true]);
    expect(await sweepWebhookEvents(env.kit.deps, { olderThanSeconds: 0 })).toBe(0);
  });

  it("leaves a failing event to its own backoff instead of retrying it at once", async () => {
    const failing = stripeEvent("payout.paid", payout("po_failing", "not a currency"));
    await deliver(env.worker, env.tenantId, failing);
    await env.kit.drain();
    expect(await sweepWebhookEvents(env.kit.deps, { olderThanSeconds: 0 })).toBe(0);
  });

  it("waits ~30 s by default before touching an event", async () => {
    const fresh = stripeEvent("payout.paid", payout("po_fresh"));
    await deliver(env.worker, env.tenantId, fresh);
    await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'killed-worker'
      where key = ${eventJobKey(env.tenantId, fresh.id)}`.execute(env.kit.t.db);
    expect(await sweepWebhookEvents(env.kit.deps)).toBe(0);
    await sql`update webhook_events set received_at = now() - interval '31 seconds' where id = ${fresh.id}`.execute(
      env.kit.t.db,
    );
    expect(await sweepWebhookEvents(env.kit.deps)).toBe(1);
  });
});
