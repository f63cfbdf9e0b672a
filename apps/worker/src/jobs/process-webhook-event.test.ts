// Events delivered over HTTP, signed like Stripe signs them, then processed by the real queue (runOnce): each
// handler's effect, duplicates applied once, older events never overwriting newer state, failures retried.

import { eventJobKey } from "@fieldpay/db/repositories/webhook-events";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { seedPaidBooking } from "../testing/booking-fixture.ts";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { processWebhookEvent } from "./process-webhook-event.ts";

const env = useWorkerBusiness();
const T0 = 1_900_000_000;

/** Delivers events in this order, then lets the queue process everything that is due. */
async function deliverAll(events: { event: ReturnType<typeof stripeEvent>; connect?: boolean }[]) {
  for (const { event, connect } of events) {
    expect((await deliver(env.worker, env.tenantId, event, { connect: connect ?? false })).status).toBe(200);
  }
  await env.kit.drain();
}

const intent = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: "payment_intent",
  status,
  amount: 12_000,
  currency: "usd",
  last_payment_error: null,
  ...extra,
});

describe("payment_intent events", () => {
  it("mark the payment and booking paid, once, however often Stripe sends it", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    const event = stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
      created: T0,
    });
    await deliverAll([{ event }, { event }]);
    expect(await b.state()).toMatchObject({ booking: "paid", payment: "succeeded" });
    expect(await processWebhookEvent(env.kit.deps, { tenantId: env.tenantId, eventId: event.id })).toEqual({
      status: "already_processed",
    });
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .select("attempts")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
  });

  it("are applied once when two workers pick up the same event at the same moment", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    const event = stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
      created: T0,
    });
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => processWebhookEvent(env.kit.deps, { tenantId: env.tenantId, eventId: event.id })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      "already_processed",
      "already_processed",
      "applied",
    ]);
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .select("attempts")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect((await b.state()).booking).toBe("paid");
  });

  it("never let an older failure overwrite a newer success", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    const failed = intent(b.paymentIntentId, "requires_payment_method", {
      last_payment_error: { code: "card_declined", decline_code: "insufficient_funds", message: "Declined." },
    });
    await deliverAll([
      {
        event: stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
          created: T0 + 10,
        }),
      },
      { event: stripeEvent("payment_intent.payment_failed", failed, { created: T0 }) },
    ]);
    expect(await b.state()).toMatchObject({ booking: "paid", payment: "succeeded" });
  });

  it("record a decline with its code, and requires_action and canceled", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    const failed = intent(b.paymentIntentId, "requires_payment_method", {
      last_payment_error: { code: "card_declined", decline_code: "insufficient_funds", message: "Declined." },
    });
    await deliverAll([{ event: stripeEvent("payment_intent.payment_failed", failed, { created: T0 }) }]);
    const payment = await env.kit.t.db
      .selectFrom("payments")
      .selectAll()
      .where("payment_intent_id", "=", b.paymentIntentId)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ failure_code: "insufficient_funds", failure_message: "Declined." });
    expect((await b.state()).booking).toBe("payment_failed");
    await deliverAll([
      {
        event: stripeEvent("payment_intent.requires_action", intent(b.paymentIntentId, "requires_action"), {
          created: T0 + 1,
        }),
      },
    ]);
    expect((await b.state()).booking).toBe("requires_action");
    await deliverAll([
      {
        event: stripeEvent("payment_intent.canceled", intent(b.paymentIntentId, "canceled"), {
          created: T0 + 2,
        }),
      },
    ]);
    expect((await b.state()).booking).toBe("canceled");
  });
});

describe("charge events", () => {
  const charge = (pi: string, refunded: number) => ({
    id: `ch_${pi.slice(3, 12)}`,
    object: "charge",
    amount: 12_000,
    amount_refunded: refunded,
    payment_intent: pi,
    refunds: { object: "list", data: [] },
  });

  it("apply refunds in any order: a full refund is never turned back into a partial one", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    await deliverAll([
      {
        event: stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
          created: T0,
        }),
      },
    ]);
    await deliverAll([
      { event: stripeEvent("charge.refunded", charge(b.paymentIntentId, 12_000), { created: T0 + 20 }) },
    ]);
    await deliverAll([
      { event: stripeEvent("charge.refunded", charge(b.paymentIntentId, 5_000), { created: T0 + 10 }) },
    ]);
    expect(await b.state()).toMatchObject({ booking: "refunded", amount_refunded: 12_000 });
  });

  it("mark a partial refund, then a dispute", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    await deliverAll([
      {
        event: stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
          created: T0,
        }),
      },
    ]);
    await deliverAll([
      { event: stripeEvent("charge.refunded", charge(b.paymentIntentId, 2_000), { created: T0 + 5 }) },
    ]);
    expect(await b.state()).toMatchObject({ booking: "partially_refunded", amount_refunded: 2_000 });
    const dispute = {
      id: "dp_1",
      object: "dispute",
      amount: 10_000,
      charge: "ch_1",
      payment_intent: b.paymentIntentId,
    };
    await deliverAll([{ event: stripeEvent("charge.dispute.created", dispute, { created: T0 + 6 }) }]);
    expect((await b.state()).booking).toBe("disputed");
  });
});

describe("failures and stranded events", () => {
  it("a failing event is rolled back, its attempt and error recorded, and the job kept for a retry", async () => {
    const bad = {
      id: "po_bad",
      object: "payout",
      amount: 1,
      currency: "not a currency",
      status: "paid",
      arrival_date: T0,
      created: T0,
    };
    const event = stripeEvent("payout.paid", bad, { created: T0 });
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    await env.kit.drain();
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      processed_at: null,
      attempts: 1,
      last_error: expect.stringMatching(/check constraint/),
    });
    expect(
      await env.kit.t.db.selectFrom("payouts").select("id").where("id", "=", "po_bad").execute(),
    ).toEqual([]);
    const { rows } = await sql<{ attempts: number; run_at: Date }>`
      select attempts, run_at from graphile_worker.jobs where key = ${eventJobKey(env.tenantId, event.id)}`.execute(
      env.kit.t.db,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.attempts).toBe(1);
    expect(new Date(rows[0]?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now());
  });
});
