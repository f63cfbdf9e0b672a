// After-job money of an authorized hold (captured for the final amount, with an extra charge above it, or charged
// to the card when the hold lapsed) and of a job that cost less than its deposit (the difference refunded).
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedRefundId } from "../refunds/refund-parts.ts";
import { afterJobState, seedDoneBooking } from "../testing/after-job-fixture.ts";
import { seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { chargeAfterJob } from "./charge-after-job.ts";

const proxy = useRecordingProxy();
let kit: WorkerTestKit;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url });
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "connect" }));
});
afterAll(() => kit.t.drop());

const run = (bookingId: string) => chargeAfterJob(kit.deps, { tenantId, bookingId });
const succeedAnswer = (body: Record<string, unknown>) => ({ ...body, status: "succeeded" });
const held = (final: number) =>
  seedDoneBooking(kit.t.db, tenantId, { plan: "authorize", price: 10_000, final });

describe("an authorized hold", () => {
  it("is captured for a lower final amount, with the commission on what is taken", async () => {
    const { booking, atBooking } = await held(8_000);
    proxy().intercept({ method: "POST", path: /\/capture$/, patch: succeedAnswer });
    await run(booking.id);
    const captures = proxy().sent("POST", `/v1/payment_intents/${atBooking?.payment_intent_id}/capture`);
    expect(captures).toHaveLength(1);
    expect(captures[0]?.form).toEqual({ amount_to_capture: "8000", application_fee_amount: "800" });
    expect(proxy().sent("POST", "/v1/payment_intents")).toEqual([]);
    const after = await afterJobState(kit.t.db, tenantId, booking.id);
    expect(after.booking.status).toBe("paid");
    expect(after.ledger.map((l) => [l.purpose, l.amount, l.business_amount, l.fieldworker_amount])).toEqual([
      ["authorization", 8_000, 800, 7_200],
    ]);
    const receipts = await kit.t.db
      .selectFrom("emails")
      .select("props")
      .where("tenant_id", "=", tenantId)
      .where("template", "=", "receipt")
      .execute();
    expect(receipts.filter((r) => JSON.stringify(r.props).includes(booking.id))).toEqual([
      { props: expect.objectContaining({ amount: 8_000 }) },
    ]);
  });

  it("above the hold: captured in full, and the difference charged as an extra", async () => {
    const { booking } = await held(12_500);
    proxy().intercept({ method: "POST", path: /\/capture$/, patch: succeedAnswer });
    proxy().intercept({ method: "POST", path: "/v1/payment_intents", patch: succeedAnswer });
    await run(booking.id);
    expect(proxy().sent("POST", /\/capture$/)[0]?.form.amount_to_capture).toBe("10000");
    const extra = proxy().sent("POST", "/v1/payment_intents");
    expect(extra).toHaveLength(1);
    // 10% of 12,500 in all, less the 1,000 taken with the capture.
    expect(extra[0]?.form).toMatchObject({
      amount: "2500",
      application_fee_amount: "250",
      off_session: "true",
      "metadata[charge]": "extra",
    });
    const after = await afterJobState(kit.t.db, tenantId, booking.id);
    expect(after.booking.status).toBe("paid");
    expect(after.ledger.map((l) => l.amount)).toEqual([10_000, 2_500]);
    // A retry finds both done.
    await run(booking.id);
    expect(proxy().sent("POST", "/v1/payment_intents")).toHaveLength(1);
  });

  it("that lapsed falls back to charging the saved card for the whole final amount", async () => {
    const { booking, atBooking } = await held(9_000);
    const intent = atBooking?.payment_intent_id ?? "";
    proxy().intercept({
      method: "POST",
      path: /\/capture$/,
      respond: {
        status: 400,
        body: {
          error: {
            type: "invalid_request_error",
            code: "payment_intent_unexpected_state",
            message: "This PaymentIntent could not be captured because it has a status of canceled.",
            payment_intent: { id: intent, object: "payment_intent", status: "canceled" },
          },
        },
      },
    });
    await run(booking.id);
    const charge = proxy().sent("POST", "/v1/payment_intents");
    expect(charge).toHaveLength(1);
    expect(charge[0]?.form).toMatchObject({
      amount: "9000",
      application_fee_amount: "900",
      off_session: "true",
      "metadata[charge]": "balance",
    });
    const after = await afterJobState(kit.t.db, tenantId, booking.id);
    expect(after.booking.status).toBe("card_saved");
    expect(after.booking.authorization_lapsed_at).not.toBeNull();
    expect(after.payments.map((p) => [p.purpose, p.status])).toEqual([
      ["authorization", "canceled"],
      ["balance", "requires_payment_method"],
    ]);
  });
});

describe("a job that cost less than was taken", () => {
  it("refunds the difference from the deposit, commission and transfer back in proportion, once", async () => {
    const { booking, atBooking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 5_000,
      final: 4_000,
    });
    await run(booking.id);
    await run(booking.id);
    const refunds = proxy().sent("POST", "/v1/refunds");
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.form).toMatchObject({
      payment_intent: atBooking?.payment_intent_id,
      amount: "1000",
      refund_application_fee: "true",
      reverse_transfer: "true",
    });
    const id = derivedRefundId("after-job-refund", booking.id, atBooking?.id ?? "");
    expect(refunds[0]?.headers["idempotency-key"]).toBe(`fieldpay:refund:create:${tenantId}:${id}`);
    expect(proxy().sent("POST", "/v1/payment_intents")).toEqual([]);
    const after = await afterJobState(kit.t.db, tenantId, booking.id);
    expect(after.booking.status).toBe("paid");
    expect(after.ledger.map((l) => [l.kind, l.amount, l.business_amount, l.fieldworker_amount])).toEqual([
      ["charge", 5_000, 500, 4_500],
      ["refund", -1_000, -100, -900],
    ]);
  });
});
