// Money typed by admins stays within what Stripe can charge and fieldpay's explained caps, checked when it is
// saved rather than when a customer pays; a refund is previewed (who gives back what) before it is sent.
import { describe, expect, it } from "vitest";
import { connectPlatform, markPaid } from "../../booking/testing/connect-platform.ts";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { callerFor, newBusiness, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const tomorrow = () => new Date(Date.now() + 86_400_000);

async function shop(currency = "usd") {
  const biz = await newBusiness(t.db, "limits");
  const tenantId = biz.auth.tenant.id;
  await setUpPayments(deps, tenantId, { mode: "direct" });
  await t.db.updateTable("payment_settings").set({ currency }).where("tenant_id", "=", tenantId).execute();
  return { tenantId, admin: callerFor(deps, biz.auth).caller };
}

const servicesOf = (tenantId: string) =>
  t.db.selectFrom("services").select("name").where("tenant_id", "=", tenantId).execute();

describe("a service's price", () => {
  it.each([
    ["usd", "0.49", "Price: Stripe's smallest card payment in US dollars is $0.50."],
    ["jpy", "49", "Price: Stripe's smallest card payment in Japanese yen is ¥50."],
    ["usd", "1000000.00", "Price: Stripe takes at most $999,999.99 in one card payment."],
  ])(
    "in %s, %s is refused with Stripe's limit, beside the price, and nothing is saved",
    async (currency, price, message) => {
      const { tenantId, admin } = await shop(currency);
      const error = await rejection(admin.services.create({ name: "Odd", price, durationMinutes: 60 }));
      expect(error).toMatchObject({ code: "BAD_REQUEST", message });
      expect(error.cause).toMatchObject({ field: "price" });
      expect(await servicesOf(tenantId)).toEqual([]);
    },
  );

  it("takes Stripe's smallest and largest payments exactly", async () => {
    const { tenantId, admin } = await shop();
    await admin.services.create({ name: "Smallest", price: "0.50", durationMinutes: 60 });
    await admin.services.create({ name: "Largest", price: "999999.99", durationMinutes: 60 });
    expect(await servicesOf(tenantId)).toHaveLength(2);
  });

  it("refuses a deposit that leaves a balance Stripe cannot charge after the job", async () => {
    const { tenantId, admin } = await shop();
    const error = await rejection(
      admin.services.create({
        name: "Tiny balance",
        price: "10.00",
        durationMinutes: 60,
        paymentPlan: "deposit",
        depositKind: "amount",
        depositValue: "9.80",
      }),
    );
    expect(error.message).toBe(
      "Deposit: that leaves $0.20 to charge after the job, below Stripe's smallest card payment of $0.50; lower the deposit or take the price in full.",
    );
    expect(error.cause).toMatchObject({ field: "depositValue" });
    expect(await servicesOf(tenantId)).toEqual([]);
  });
});

describe("a fieldworker's commission", () => {
  it.each([
    [{ percent: "50.01", fixed: null }, "percent", /^Keep the commission at 50% or less/],
    [{ percent: "10", fixed: "50.01" }, "fixed", /^Keep the fixed part at \$50\.00 or less/],
  ])("refuses %o beside its field and keeps the rate as it was", async (override, field, message) => {
    const p = await connectPlatform(deps, "express");
    const error = await rejection(
      p.admin.fieldworkers.setCommission({ fieldworkerId: p.wes.id, ...override }),
    );
    expect(error.message).toMatch(message);
    expect(error.cause).toMatchObject({ field });
    const row = await t.db
      .selectFrom("fieldworker_accounts")
      .select(["commission_bps", "commission_fixed"])
      .where("user_id", "=", p.wes.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ commission_bps: null, commission_fixed: null });
  });
});

describe("the refund dialog", () => {
  it("previews who gives back what without sending anything, then refunds with Stripe's reason", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    await markPaid(t.db, p.tenantId, id);
    const sentBefore = stripe().proxy.sent("POST", "/v1/refunds").length;
    // $100.00 with 10% + $0.30: the business kept $10.30, the fieldworker $89.70.
    const choices = { bookingId: id, refundApplicationFee: true, reverseTransfer: true };
    const preview = await p.admin.bookings.refundPreview({ ...choices, amount: "50.00" });
    expect(preview).toEqual({
      amount: { amount: 5000, currency: "usd" },
      business: { amount: 515, currency: "usd" },
      fieldworker: { amount: 4485, currency: "usd" },
      left: { amount: 10000, currency: "usd" },
    });
    const keeps = await p.admin.bookings.refundPreview({ ...choices, reverseTransfer: false });
    expect(keeps).toMatchObject({
      amount: { amount: 10000 },
      business: { amount: 10000 },
      fieldworker: { amount: 0 },
    });

    const tooMuch = await rejection(p.admin.bookings.refundPreview({ ...choices, amount: "100.01" }));
    expect(tooMuch.message).toBe("Refund amount: at most $100.00 of this payment is left to refund.");
    expect(tooMuch.cause).toMatchObject({ field: "amount" });
    expect(stripe().proxy.sent("POST", "/v1/refunds")).toHaveLength(sentBefore);
    expect(
      await t.db.selectFrom("refunds").select("id").where("tenant_id", "=", p.tenantId).execute(),
    ).toEqual([]);

    await p.admin.bookings.refund({
      ...choices,
      requestId: "5d41402a-bc4b-4a76-b971-9d911017c592",
      amount: "50.00",
      reason: "duplicate",
    });
    expect(stripe().proxy.sent("POST", "/v1/refunds").at(-1)?.form).toMatchObject({
      amount: "5000",
      reason: "duplicate",
    });
  });

  it("refuses a reason Stripe does not know, and nothing is sent", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    await markPaid(t.db, p.tenantId, id);
    const sentBefore = stripe().proxy.sent("POST", "/v1/refunds").length;
    const error = await rejection(
      p.admin.bookings.refund({
        bookingId: id,
        requestId: "5d41402a-bc4b-4a76-b971-9d911017c593",
        refundApplicationFee: true,
        reverseTransfer: true,
        // @ts-expect-error: a reason the dialog never offers
        reason: "changed_my_mind",
      }),
    );
    expect(error.message).toBe(
      "Choose why you are refunding: the customer asked, a duplicate payment, or fraud.",
    );
    expect(stripe().proxy.sent("POST", "/v1/refunds")).toHaveLength(sentBefore);
  });
});
