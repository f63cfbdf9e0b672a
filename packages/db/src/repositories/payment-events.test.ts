import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { applyPaymentIntentSnapshot } from "./payment-events.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

async function bookingWithPayment(pi: string) {
  const tenant = await insertTenant(t.db, { slug: `t-${pi.slice(-6).toLowerCase()}`, name: "T" });
  const customer = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "customer",
    email: `${pi}@x.test`,
    name: "C",
    password_hash: null,
  });
  const service = await t.db
    .insertInto("services")
    .values({
      tenant_id: tenant.id,
      name: "Clean",
      duration_minutes: 60,
      price_amount: 5000,
      currency: "usd",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const booking = await t.db
    .insertInto("bookings")
    .values({
      tenant_id: tenant.id,
      customer_id: customer.id,
      service_id: service.id,
      starts_at: new Date(),
      amount: 5000,
      currency: "usd",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("payments")
    .values({
      tenant_id: tenant.id,
      booking_id: booking.id,
      attempt: 1,
      payment_intent_id: pi,
      status: "requires_payment_method",
      amount: 5000,
      currency: "usd",
      charge_type: "direct",
    })
    .execute();
  const status = async () =>
    (
      await t.db
        .selectFrom("bookings")
        .select("status")
        .where("id", "=", booking.id)
        .executeTakeFirstOrThrow()
    ).status;
  return { tenantId: tenant.id, status };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, seconds));

describe("applyPaymentIntentSnapshot", () => {
  it("marks the booking paid on success, and an older failure arriving later changes nothing", async () => {
    const b = await bookingWithPayment("pi_order000001");
    expect(
      await applyPaymentIntentSnapshot(t.db, {
        tenantId: b.tenantId,
        paymentIntentId: "pi_order000001",
        status: "succeeded",
        eventAt: at(20),
      }),
    ).toBe(true);
    expect(await b.status()).toBe("paid");
    const stale = {
      tenantId: b.tenantId,
      paymentIntentId: "pi_order000001",
      status: "requires_payment_method",
      failureCode: "card_declined",
      eventAt: at(10),
    };
    expect(await applyPaymentIntentSnapshot(t.db, stale)).toBe(false);
    expect(await b.status()).toBe("paid");
  });

  it("is harmless when applied twice, and ignores another tenant's payment", async () => {
    const b = await bookingWithPayment("pi_twice000002");
    const snap = {
      tenantId: b.tenantId,
      paymentIntentId: "pi_twice000002",
      status: "requires_action",
      eventAt: at(5),
    };
    await applyPaymentIntentSnapshot(t.db, snap);
    await applyPaymentIntentSnapshot(t.db, snap);
    expect(await b.status()).toBe("requires_action");
    const other = await bookingWithPayment("pi_other000003");
    expect(
      await applyPaymentIntentSnapshot(t.db, {
        ...snap,
        tenantId: other.tenantId,
        status: "succeeded",
        eventAt: at(9),
      }),
    ).toBe(false);
    expect(await b.status()).toBe("requires_action");
  });

  it("records a decline and leaves the booking payable", async () => {
    const b = await bookingWithPayment("pi_failed00004");
    await applyPaymentIntentSnapshot(t.db, {
      tenantId: b.tenantId,
      paymentIntentId: "pi_failed00004",
      status: "requires_payment_method",
      failureCode: "card_declined",
      failureMessage: "Your card was declined.",
      eventAt: at(1),
    });
    expect(await b.status()).toBe("payment_failed");
    const row = await t.db
      .selectFrom("payments")
      .select(["failure_code"])
      .where("payment_intent_id", "=", "pi_failed00004")
      .executeTakeFirstOrThrow();
    expect(row.failure_code).toBe("card_declined");
  });
});
