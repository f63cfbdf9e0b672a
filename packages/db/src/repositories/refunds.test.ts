import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { insertBooking } from "./bookings.ts";
import { latestPayment, openPaymentAttempt, recordCreatedIntent } from "./payments.ts";
import { openRefund, settleRefund } from "./refunds.ts";
import { insertService } from "./services.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

async function paidBooking(label: string) {
  const tenant = await insertTenant(t.db, { slug: `r-${label}`, name: "R" });
  const customer = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "customer",
    email: `${label}@x.test`,
    name: "C",
    password_hash: null,
  });
  const service = await insertService(t.db, {
    tenant_id: tenant.id,
    name: "Clean",
    duration_minutes: 60,
    price_amount: 10_000,
    currency: "usd",
  });
  const booking = await insertBooking(t.db, {
    tenant_id: tenant.id,
    customer_id: customer.id,
    service_id: service.id,
    starts_at: new Date(),
    amount: 10_000,
    currency: "usd",
    status: "paid",
  });
  const attempt = {
    tenantId: tenant.id,
    bookingId: booking.id,
    attempt: 1,
    amount: 10_000,
    currency: "usd",
    chargeType: "direct" as const,
    fieldworkerAccountId: null,
  };
  // Two requests opening the same attempt at once end up on one row.
  const [a, b] = await Promise.all([openPaymentAttempt(t.db, attempt), openPaymentAttempt(t.db, attempt)]);
  expect(a.id).toBe(b.id);
  const payment = await recordCreatedIntent(t.db, tenant.id, a.id, {
    paymentIntentId: `pi_${label}`,
    status: "succeeded",
    onAccount: null,
    applicationFeeAmount: null,
    fieldworkerNetAmount: null,
  });
  return { tenantId: tenant.id, bookingId: booking.id, payment, customerId: customer.id };
}

const refund = (p: Awaited<ReturnType<typeof paidBooking>>, id: string, amount: number) => ({
  id,
  tenantId: p.tenantId,
  paymentId: p.payment.id,
  amount,
  currency: "usd",
  refundApplicationFee: false,
  reverseTransfer: false,
  split: () => ({ businessAmount: amount, fieldworkerAmount: 0 }),
  createdBy: p.customerId,
  reason: null,
});

describe("refunds", () => {
  it("two refunds opened together never exceed the charge", async () => {
    const p = await paidBooking("race");
    const results = await Promise.all([
      openRefund(t.db, refund(p, "00000000-0000-4000-8000-000000000001", 6000)),
      openRefund(t.db, refund(p, "00000000-0000-4000-8000-000000000002", 6000)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "exceeds_charge", refundable: 4000 });
  });

  it("the same refund id is a replay, and settling updates the payment and the booking", async () => {
    const p = await paidBooking("replay");
    const id = "00000000-0000-4000-8000-000000000003";
    expect(await openRefund(t.db, refund(p, id, 2500))).toMatchObject({ ok: true, replay: false });
    expect(await openRefund(t.db, refund(p, id, 2500))).toMatchObject({ ok: true, replay: true });
    await settleRefund(t.db, {
      tenantId: p.tenantId,
      refundId: id,
      stripeRefundId: "re_1",
      status: "succeeded",
    });
    expect((await latestPayment(t.db, p.tenantId, p.bookingId))?.amount_refunded).toBe(2500);
    const booking = await t.db
      .selectFrom("bookings")
      .select("status")
      .where("id", "=", p.bookingId)
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe("partially_refunded");
    const failed = "00000000-0000-4000-8000-000000000004";
    await openRefund(t.db, refund(p, failed, 7500));
    await settleRefund(t.db, {
      tenantId: p.tenantId,
      refundId: failed,
      stripeRefundId: null,
      status: "failed",
    });
    // A failed refund gives its amount back to what can still be refunded.
    expect(await openRefund(t.db, refund(p, "00000000-0000-4000-8000-000000000005", 7500))).toMatchObject({
      ok: true,
    });
  });
});
