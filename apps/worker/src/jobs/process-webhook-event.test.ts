// Events delivered over HTTP, signed like Stripe signs them, then processed in batches as the worker does: each
// handler's effect, duplicates applied once, older events never overwriting newer state, failures retried.

import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { seedPaidBooking } from "../testing/booking-fixture.ts";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { processDueEvents } from "./process-due-events.ts";
import { processWebhookEvent } from "./process-webhook-event.ts";

const env = useWorkerBusiness();
const T0 = 1_900_000_000;

const eventRow = (id: string) =>
  env.kit.t.db.selectFrom("webhook_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

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
    expect((await eventRow(event.id)).attempts).toBe(1);
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
    expect((await eventRow(event.id)).attempts).toBe(1);
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

  it("record the card the charge used, for the receipt, in whichever order it comes", async () => {
    const b = await seedPaidBooking(env.kit.t.db, env.tenantId);
    const card = (last4: string) => ({
      id: `ch_${b.paymentIntentId.slice(3, 12)}`,
      object: "charge",
      status: "succeeded",
      payment_intent: b.paymentIntentId,
      payment_method_details: { type: "card", card: { brand: "amex", last4 } },
    });
    await deliverAll([{ event: stripeEvent("charge.succeeded", card("0005"), { created: T0 }) }]);
    await deliverAll([
      {
        event: stripeEvent("payment_intent.succeeded", intent(b.paymentIntentId, "succeeded"), {
          created: T0,
        }),
      },
    ]);
    const row = await env.kit.t.db
      .selectFrom("payments")
      .select(["card_brand", "card_last4", "status"])
      .where("payment_intent_id", "=", b.paymentIntentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ card_brand: "amex", card_last4: "0005", status: "succeeded" });
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
      currency: "usd",
      charge: "ch_1",
      payment_intent: b.paymentIntentId,
      reason: "fraudulent",
      status: "needs_response",
      created: T0 + 6,
      balance_transactions: [],
    };
    await deliverAll([{ event: stripeEvent("charge.dispute.created", dispute, { created: T0 + 6 }) }]);
    expect((await b.state()).booking).toBe("disputed");
  });
});

const badPayout = (id: string) => ({
  id,
  object: "payout",
  amount: 1,
  currency: "not a currency",
  status: "paid",
  arrival_date: T0,
  created: T0,
});

describe("failures", () => {
  it("a failing event is rolled back, its attempt and error recorded, and it waits for its backoff", async () => {
    const event = stripeEvent("payout.paid", badPayout("po_bad"), { created: T0 });
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    await env.kit.drain();
    const row = await eventRow(event.id);
    expect(row).toMatchObject({
      processed_at: null,
      attempts: 1,
      last_error: expect.stringMatching(/check constraint/),
    });
    // e^1 seconds: not claimed again at once, but within seconds.
    const wait = row.next_attempt_at.getTime() - Date.now();
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThan(3000);
    expect(
      await env.kit.t.db.selectFrom("payouts").select("id").where("id", "=", "po_bad").execute(),
    ).toEqual([]);
    await env.kit.drain();
    expect((await eventRow(event.id)).attempts).toBe(1);
    // Once its backoff is over it is tried again, and the wait grows.
    await sql`update webhook_events set next_attempt_at = now() where id = ${event.id}`.execute(env.kit.t.db);
    await env.kit.drain();
    const again = await eventRow(event.id);
    expect(again.attempts).toBe(2);
    expect(again.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(5000);
  });

  it("one failing event in a batch does not hold back the others, which are applied once", async () => {
    const good = Array.from({ length: 5 }, (_, i) =>
      stripeEvent("payout.paid", { ...badPayout(`po_good${i}`), currency: "usd" }, { created: T0 }),
    );
    const bad = stripeEvent("payout.paid", badPayout("po_bad_in_batch"), { created: T0 });
    for (const event of [...good.slice(0, 2), bad, ...good.slice(2)]) {
      expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    }
    const outcome = await processDueEvents(env.kit.deps, { limit: 50 });
    expect(outcome).toEqual({ claimed: 6, applied: 5, failed: 1 });
    for (const event of good)
      expect(await eventRow(event.id)).toMatchObject({ attempts: 1, last_error: null });
    expect(await eventRow(bad.id)).toMatchObject({ attempts: 1, processed_at: null });
    const paid = await env.kit.t.db
      .selectFrom("payouts")
      .select("id")
      .where("id", "like", "po_good%")
      .execute();
    expect(paid).toHaveLength(5);
  });

  it("an event that keeps failing is never dropped: past ten attempts it is retried about every 6 hours", async () => {
    const event = stripeEvent("payout.paid", badPayout("po_keeps_failing"), { created: T0 });
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    await sql`update webhook_events set attempts = 40 where id = ${event.id}`.execute(env.kit.t.db);
    expect(await processDueEvents(env.kit.deps, { limit: 50 })).toMatchObject({ claimed: 1, failed: 1 });
    const row = await eventRow(event.id);
    expect(row.attempts).toBe(41);
    const hours = (row.next_attempt_at.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(6);
    expect(hours).toBeLessThan(6.2);
  });

  it("two workers claiming at once take disjoint events, and each event is applied once", async () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      stripeEvent("payout.paid", { ...badPayout(`po_race${i}`), currency: "usd" }, { created: T0 }),
    );
    for (const event of events) expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    const outcomes = await Promise.all([1, 2, 3].map(() => processDueEvents(env.kit.deps, { limit: 12 })));
    expect(outcomes.reduce((sum, o) => sum + o.applied, 0)).toBe(30);
    const rows = await env.kit.t.db
      .selectFrom("webhook_events")
      .select("attempts")
      .where(
        "id",
        "in",
        events.map((e) => e.id),
      )
      .execute();
    expect(rows.map((r) => r.attempts)).toEqual(Array(30).fill(1));
  });
});
