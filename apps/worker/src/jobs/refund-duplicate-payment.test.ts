// A success Stripe let through on a replaced attempt arrives as a signed webhook: the worker marks it a duplicate
// and refunds it in full (commission and the fieldworker's share back), once, whatever the order or repetition.
import { randomUUID } from "node:crypto";
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBooking } from "../testing/booking-fixture.ts";
import {
  deliver,
  listenWorker,
  seedBusiness,
  stripeEvent,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { duplicateRefundId, refundDuplicatePayment } from "./refund-duplicate-payment.ts";

const proxy = useRecordingProxy();
let kit: WorkerTestKit;
let worker: Awaited<ReturnType<typeof listenWorker>>;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url });
  worker = await listenWorker(kit.deps);
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "connect" }));
});
afterAll(async () => {
  await worker.close();
  await kit.t.drop();
});

/** A booking whose attempt 1 (Wes) was replaced by attempt 2 (Fay) after the admin reassigned it. */
async function reassignedBooking() {
  const db = kit.t.db;
  const booking = await seedBooking(db, tenantId, 10_000);
  const attempt = (n: number, account: string, superseded: boolean) => ({
    tenant_id: tenantId,
    booking_id: booking.id,
    attempt: n,
    payment_intent_id: `pi_${randomUUID().replaceAll("-", "").slice(0, 20)}`,
    status: superseded ? "canceled" : "requires_payment_method",
    amount: 10_000,
    currency: "usd",
    charge_type: "destination" as const,
    fieldworker_account_id: account,
    application_fee_amount: 1_030,
    fieldworker_net_amount: 8_970,
    superseded_at: superseded ? new Date() : null,
  });
  const [old, current] = await db
    .insertInto("payments")
    .values([attempt(1, "acct_wes", true), attempt(2, "acct_fay", false)])
    .returningAll()
    .execute();
  if (!old || !current) throw new Error("attempts not inserted");
  return { bookingId: booking.id, old, current };
}

const succeededEvent = (paymentIntentId: string, created: number) =>
  stripeEvent(
    "payment_intent.succeeded",
    { id: paymentIntentId, object: "payment_intent", status: "succeeded", amount: 10_000, currency: "usd" },
    { created },
  );

async function state(bookingId: string) {
  const db = kit.t.db;
  const booking = await db
    .selectFrom("bookings")
    .select("status")
    .where("id", "=", bookingId)
    .executeTakeFirst();
  const payments = await db
    .selectFrom("payments")
    .select(["attempt", "status", "amount_refunded", "duplicate_at"])
    .where("booking_id", "=", bookingId)
    .orderBy("attempt")
    .execute();
  const refunds = await db
    .selectFrom("refunds")
    .innerJoin("payments", "payments.id", "refunds.payment_id")
    .select([
      "payments.attempt",
      "refunds.amount",
      "refunds.status",
      "refunds.business_amount",
      "refunds.fieldworker_amount",
      "refunds.reason",
    ])
    .where("payments.booking_id", "=", bookingId)
    .execute();
  return { booking: booking?.status, payments, refunds };
}

describe("a success on a replaced attempt", () => {
  it.each([
    ["after the booking's own payment", [1, 0]],
    ["before the booking's own payment", [0, 1]],
  ])("arriving %s is refunded in full, once, and the booking stays paid", async (_order, indexes) => {
    const { bookingId, old, current } = await reassignedBooking();
    const now = Math.floor(Date.now() / 1000);
    const events = [
      succeededEvent(old.payment_intent_id ?? "", now),
      succeededEvent(current.payment_intent_id ?? "", now),
    ];
    for (const i of indexes) {
      const event = events[i];
      // Stripe delivers at least once: every event twice.
      expect((await deliver(worker, tenantId, event)).status).toBe(200);
      expect((await deliver(worker, tenantId, event)).status).toBe(200);
    }
    await kit.drain();

    const after = await state(bookingId);
    expect(after.booking).toBe("paid");
    expect(
      after.payments.map((p) => [p.attempt, p.status, p.amount_refunded, p.duplicate_at !== null]),
    ).toEqual([
      [1, "succeeded", 10_000, true],
      [2, "succeeded", 0, false],
    ]);
    // The commission comes back from the business, the rest from the fieldworker (transfer reversed).
    expect(after.refunds).toEqual([
      {
        attempt: 1,
        amount: 10_000,
        status: "succeeded",
        business_amount: 1_030,
        fieldworker_amount: 8_970,
        reason: "duplicate",
      },
    ]);
    const refunds = proxy().sent("POST", "/v1/refunds");
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.form).toMatchObject({
      payment_intent: old.payment_intent_id,
      reason: "duplicate",
      refund_application_fee: "true",
      reverse_transfer: "true",
    });
    expect(refunds[0]?.form.amount).toBeUndefined();
    expect(refunds[0]?.headers["idempotency-key"]).toBe(
      `fieldpay:refund:create:${tenantId}:${duplicateRefundId(old.id)}`,
    );
    const alert = await kit.t.db
      .selectFrom("alerts")
      .select(["kind", "title"])
      .where("tenant_id", "=", tenantId)
      .where("key", "=", `duplicate_payment:${old.id}`)
      .executeTakeFirst();
    expect(alert).toEqual({
      kind: "duplicate_payment",
      title: "A second payment for one booking was refunded",
    });

    // A retried job (a second worker, a crash after Stripe answered) refunds nothing more.
    expect(await refundDuplicatePayment(kit.deps, { tenantId, paymentId: old.id })).toBe("refunded already");
    expect(proxy().sent("POST", "/v1/refunds")).toHaveLength(1);
  });

  it("a job for a payment that is not a duplicate refunds nothing", async () => {
    const { current } = await reassignedBooking();
    expect(await refundDuplicatePayment(kit.deps, { tenantId, paymentId: current.id })).toBe(
      "nothing to refund: not a duplicate",
    );
    expect(proxy().sent("POST", "/v1/refunds")).toEqual([]);
  });
});
