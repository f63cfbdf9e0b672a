// One booking, one charge. The race found from outside: the customer opens payment (attempt 1, Wes's account),
// the admin gives the booking to Fay, the customer pays again (attempt 2); a tab still holding attempt 1's client
// secret must not be able to pay Wes, and if Stripe lets one through anyway, it is a duplicate, never the booking's.
import { listAlerts } from "@fieldpay/db/repositories/alerts";
import { earningsByPeriod } from "@fieldpay/db/repositories/fieldworker-earnings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { cannotCancel } from "@fieldpay/payments/testing/stripe-answers";
import { describe, expect, it } from "vitest";
import { connectPlatform, fieldworker } from "../../booking/testing/connect-platform.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const tomorrow = () => new Date(Date.now() + 86_400_000);

async function attempts(bookingId: string) {
  return t.db
    .selectFrom("payments")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .orderBy("attempt")
    .execute();
}

const succeeded = (tenantId: string, paymentIntentId: string | null) =>
  applyPaymentIntentSnapshot(t.db, {
    tenantId,
    paymentIntentId: paymentIntentId ?? "",
    status: "succeeded",
    eventAt: new Date(),
  });

async function reassignedBooking() {
  const p = await connectPlatform(deps, "express");
  const fay = await fieldworker(t.db, p.tenantId, "Fay", { id: `acct_fay${p.suffix}`, type: "express" });
  const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
  await p.customer.bookings.pay({ bookingId: id });
  await p.admin.bookings.assignFieldworker({ bookingId: id, fieldworkerId: fay.id });
  await p.customer.bookings.pay({ bookingId: id });
  return { p, id, fayAccount: `acct_fay${p.suffix}` };
}

describe("a payment attempt replaced by a newer one", () => {
  it("is cancelled at Stripe, with a key of its own, before the new PaymentIntent is made", async () => {
    const { id } = await reassignedBooking();
    const [first] = await attempts(id);
    const order = stripe()
      .proxy.requests.filter((r) => r.method === "POST")
      .map((r) => r.path);
    const cancelAt = order.indexOf(`/v1/payment_intents/${first?.payment_intent_id}/cancel`);
    expect(cancelAt).toBeGreaterThan(-1);
    expect(order.lastIndexOf("/v1/payment_intents")).toBeGreaterThan(cancelAt);
    const [cancel] = stripe().proxy.sent("POST", `/v1/payment_intents/${first?.payment_intent_id}/cancel`);
    expect(cancel?.form).toEqual({ cancellation_reason: "abandoned" });
    expect(cancel?.headers["idempotency-key"]).toMatch(/^fieldpay:payment_intent:cancel:/);
    const [one, two] = await attempts(id);
    expect(one).toMatchObject({ status: "canceled", superseded_at: expect.any(Date) });
    expect(two).toMatchObject({ attempt: 2, superseded_at: null });
  });

  it("no longer moves the booking: Stripe's payment_intent.canceled for it leaves the booking payable", async () => {
    const { p, id } = await reassignedBooking();
    const [one] = await attempts(id);
    await applyPaymentIntentSnapshot(t.db, {
      tenantId: p.tenantId,
      paymentIntentId: one?.payment_intent_id ?? "",
      status: "canceled",
      eventAt: new Date(),
    });
    const booking = await t.db
      .selectFrom("bookings")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirst();
    expect(booking?.status).toBe("pending_payment");
  });

  it("a success that got through on it anyway is a duplicate: flagged, alerted, out of the earnings", async () => {
    const { p, id, fayAccount } = await reassignedBooking();
    const [one, two] = await attempts(id);
    // Both PaymentIntents succeed (the race Stripe allows), in either order.
    await succeeded(p.tenantId, one?.payment_intent_id ?? null);
    await succeeded(p.tenantId, two?.payment_intent_id ?? null);
    const after = await attempts(id);
    expect(after.map((a) => [a.status, a.duplicate_at !== null])).toEqual([
      ["succeeded", true],
      ["succeeded", false],
    ]);
    const view = await p.admin.bookings.get({ bookingId: id });
    expect(view.status).toBe("paid");
    expect(view.payment?.attempt).toBe(2);
    const { open } = await listAlerts(t.db, p.tenantId);
    expect(open.map((a) => [a.kind, a.title])).toEqual([
      ["duplicate_payment", "A second payment for one booking is being refunded"],
    ]);
    const since = new Date(Date.now() - 86_400_000);
    const wes = await earningsByPeriod(t.db, {
      tenantId: p.tenantId,
      accountId: p.wesAccount,
      period: "month",
      since,
    });
    const fay = await earningsByPeriod(t.db, {
      tenantId: p.tenantId,
      accountId: fayAccount,
      period: "month",
      since,
    });
    expect(wes).toEqual([]);
    expect(fay.map((f) => f.gross)).toEqual([10_000]);
    // Each succeeded charge can be refunded from fieldpay: the duplicate too, by its id.
    const refund = await p.admin.bookings.refund({
      bookingId: id,
      paymentId: one?.id,
      requestId: crypto.randomUUID(),
      refundApplicationFee: true,
      reverseTransfer: true,
    });
    expect(refund.amount).toEqual({ amount: 10_000, currency: "usd" });
    const [sent] = stripe().proxy.sent("POST", "/v1/refunds");
    expect(sent?.form.payment_intent).toBe(one?.payment_intent_id);
    // The booking stays paid by its own payment.
    expect((await p.admin.bookings.get({ bookingId: id })).status).toBe("paid");
    // Refunding that charge again, with nothing left on it, is refused in words and sends nothing.
    const again = await rejection(
      p.admin.bookings.refund({
        bookingId: id,
        paymentId: one?.id,
        requestId: crypto.randomUUID(),
        refundApplicationFee: true,
        reverseTransfer: true,
      }),
    );
    expect(again.message).toBe("This payment has already been refunded in full.");
    expect(stripe().proxy.sent("POST", "/v1/refunds")).toHaveLength(1);
  });

  it("if Stripe says the replaced attempt was paid meanwhile, that payment stands and no new attempt opens", async () => {
    const p = await connectPlatform(deps, "express");
    const fay = await fieldworker(t.db, p.tenantId, "Fay", { id: `acct_fay${p.suffix}`, type: "express" });
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    await p.admin.bookings.assignFieldworker({ bookingId: id, fieldworkerId: fay.id });
    const [one] = await attempts(id);
    stripe().proxy.intercept({
      method: "POST",
      path: `/v1/payment_intents/${one?.payment_intent_id}/cancel`,
      respond: cannotCancel(one?.payment_intent_id ?? "", "succeeded"),
    });
    const refused = await rejection(p.customer.bookings.pay({ bookingId: id }));
    expect(refused.message).toBe("This booking has already been paid; Stripe is confirming it.");
    expect((await attempts(id)).map((a) => a.attempt)).toEqual([1]);
    // Only attempt 1's create: nothing new was handed out.
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")).toHaveLength(1);
    const booking = await t.db
      .selectFrom("bookings")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirst();
    expect(booking?.status).toBe("paid");
  });
});
