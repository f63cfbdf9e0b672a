// The same portal in Stripe Connect mode: the fieldworker is chosen, the charge is split (destination charges
// for Express/Custom, direct charges on the account for Standard), and refunds decide fee and transfer.

import { describe, expect, it } from "vitest";
import { connectPlatform, markPaid } from "../../booking/testing/connect-platform.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const tomorrow = () => new Date(Date.now() + 86_400_000);

describe("choosing the fieldworker", () => {
  it("offers only fieldworkers who can be paid, and 'any available' picks the first", async () => {
    const p = await connectPlatform(deps, "express");
    const options = await p.customer.bookings.options();
    expect(options).toMatchObject({ mode: "connect", customersChooseFieldworker: true });
    expect(options.fieldworkers).toEqual([{ id: p.wes.id, name: "Wes" }]);
    const refused = await rejection(
      p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow(), fieldworkerId: p.ria.id }),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message: "That fieldworker cannot take bookings right now.",
    });
    const any = await p.customer.bookings.create({
      serviceId: p.service.id,
      startsAt: tomorrow(),
      fieldworkerId: "any",
    });
    expect((await p.customer.bookings.get({ bookingId: any.id })).fieldworkerName).toBe("Wes");
  });

  it("when the business does not let customers choose, the first available fieldworker is assigned", async () => {
    const p = await connectPlatform(deps, "express");
    await p.admin.services.setPreferences({ customersChooseFieldworker: false });
    const options = await p.customer.bookings.options();
    expect(options).toMatchObject({ customersChooseFieldworker: false, fieldworkers: [] });
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    expect((await p.customer.bookings.get({ bookingId: id })).fieldworkerName).toBe("Wes");
  });
});

describe("paying a fieldworker's booking", () => {
  it.each(["express", "custom"] as const)(
    "%s: destination charge with the commission as application fee",
    async (type) => {
      const p = await connectPlatform(deps, type);
      const { id } = await p.customer.bookings.create({
        serviceId: p.service.id,
        startsAt: tomorrow(),
        fieldworkerId: p.wes.id,
      });
      const pay = await p.customer.bookings.pay({ bookingId: id });
      expect(pay).toMatchObject({
        stripeAccount: null,
        applicationFee: { amount: 1030, currency: "usd" },
        fieldworkerNet: { amount: 8970, currency: "usd" },
        savedCardsAllowed: true,
      });
      const [intent] = stripe().proxy.sent("POST", "/v1/payment_intents");
      expect(intent?.form).toMatchObject({
        amount: "10000",
        "transfer_data[destination]": p.wesAccount,
        application_fee_amount: "1030",
      });
      expect(intent?.headers["stripe-account"]).toBeUndefined();
      await markPaid(t.db, p.tenantId, id);
      const admin = await p.admin.bookings.get({ bookingId: id });
      expect(admin).toMatchObject({
        status: "paid",
        payment: {
          chargeType: "destination",
          split: { applicationFee: { amount: 1030 }, fieldworkerNet: { amount: 8970 } },
        },
      });
      // The customer sees their payment, not the business's commission.
      expect((await p.customer.bookings.get({ bookingId: id })).payment?.split).toBeNull();
      expect((await p.admin.bookings.list()).map((b) => b.id)).toContain(id);
    },
  );

  it("standard: a direct charge on the fieldworker's own account, Stripe.js told to use it", async () => {
    const p = await connectPlatform(deps, "standard");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    const pay = await p.customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({ stripeAccount: p.wesAccount, savedCardsAllowed: false });
    const [intent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(intent?.headers["stripe-account"]).toBe(p.wesAccount);
    expect(intent?.form).toMatchObject({ application_fee_amount: "1030" });
    expect(intent?.form).not.toHaveProperty("customer");
    const [row] = await t.db.selectFrom("payments").selectAll().where("booking_id", "=", id).execute();
    expect(row).toMatchObject({ charge_type: "direct_on_connected_account", on_account: p.wesAccount });
  });

  it("a fieldworker who can no longer be paid gets a clear message and nothing is charged", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await t.db
      .updateTable("fieldworker_accounts")
      .set({ charges_enabled: false, status: "restricted" })
      .where("user_id", "=", p.wes.id)
      .execute();
    const error = await rejection(p.customer.bookings.pay({ bookingId: id }));
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "This booking cannot be paid online right now.",
    });
    const alerts = await t.db
      .selectFrom("alerts")
      .select(["key", "severity"])
      .where("tenant_id", "=", p.tenantId)
      .execute();
    expect(alerts).toEqual([{ key: `fieldworker_unpayable:${p.wes.id}`, severity: "warning" }]);
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")).toEqual([]);
    expect(await t.db.selectFrom("payments").selectAll().where("booking_id", "=", id).execute()).toEqual([]);
  });
});

describe("refunds in Connect mode", () => {
  it("sends the admin's explicit fee and transfer choices, partial then full, never twice", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    const payment = await markPaid(t.db, p.tenantId, id);
    const requestId = "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a01";
    const undecided = await rejection(p.admin.bookings.refund({ bookingId: id, requestId, amount: "20.00" }));
    expect(undecided.code).toBe("BAD_REQUEST");
    const partial = {
      bookingId: id,
      requestId,
      amount: "20.00",
      refundApplicationFee: true,
      reverseTransfer: false,
    };
    expect(await p.admin.bookings.refund(partial)).toMatchObject({ amount: { amount: 2000 } });
    await p.admin.bookings.refund(partial);
    const sent = stripe().proxy.sent("POST", "/v1/refunds");
    expect(sent.map((r) => r.headers["idempotency-key"])).toEqual([
      `fieldpay:refund:create:${p.tenantId}:${requestId}`,
      `fieldpay:refund:create:${p.tenantId}:${requestId}`,
    ]);
    expect(sent[0]?.form).toMatchObject({
      amount: "2000",
      payment_intent: payment.payment_intent_id,
      refund_application_fee: "true",
      reverse_transfer: "false",
    });
    const afterPartial = await p.admin.bookings.get({ bookingId: id });
    expect(afterPartial).toMatchObject({
      status: "partially_refunded",
      payment: { amountRefunded: { amount: 2000 }, refundable: { amount: 8000 } },
    });
    expect(afterPartial.payment?.refunds).toHaveLength(1);

    const tooMuch = await rejection(
      p.admin.bookings.refund({
        ...partial,
        requestId: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a02",
        amount: "80.01",
      }),
    );
    expect(tooMuch.message).toBe("Refund amount: at most $80.00 of this payment is left to refund.");
    await p.admin.bookings.refund({
      bookingId: id,
      requestId: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a03",
      refundApplicationFee: false,
      reverseTransfer: true,
    });
    expect(stripe().proxy.sent("POST", "/v1/refunds").at(-1)?.form).toMatchObject({
      amount: "8000",
      refund_application_fee: "false",
      reverse_transfer: "true",
    });
    expect(await p.admin.bookings.get({ bookingId: id })).toMatchObject({
      status: "refunded",
      payment: { amountRefunded: { amount: 10_000 }, refundable: { amount: 0 } },
    });
  });

  it("keeps the reason sent to Stripe on the refund and shows it to the admin, on the refund and its ledger line", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    await markPaid(t.db, p.tenantId, id);
    const choices = { bookingId: id, refundApplicationFee: true, reverseTransfer: true };
    await p.admin.bookings.refund({
      ...choices,
      requestId: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a11",
      amount: "20.00",
      reason: "fraudulent",
    });
    expect(stripe().proxy.sent("POST", "/v1/refunds").at(-1)?.form).toMatchObject({ reason: "fraudulent" });
    // Without a reason none is sent, and none is kept.
    await p.admin.bookings.refund({
      ...choices,
      requestId: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a12",
      amount: "5.00",
    });
    expect(stripe().proxy.sent("POST", "/v1/refunds").at(-1)?.form).not.toHaveProperty("reason");
    const rows = await t.db
      .selectFrom("refunds")
      .select(["id", "reason"])
      .where("tenant_id", "=", p.tenantId)
      .orderBy("created_at")
      .execute();
    expect(rows).toEqual([
      { id: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a11", reason: "fraudulent" },
      { id: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a12", reason: null },
    ]);
    const admin = await p.admin.bookings.get({ bookingId: id });
    expect(admin.payment?.refunds.map((r) => r.reason)).toEqual(["fraudulent", null]);
    expect(admin.ledger.lines.filter((l) => l.kind === "refund").map((l) => l.refundReason)).toEqual([
      "fraudulent",
      null,
    ]);
    // The customer sees the refund's amount, not why the business refunded it.
    const customer = await p.customer.bookings.get({ bookingId: id });
    expect(customer.ledger.lines.map((l) => l.refundReason)).toEqual([null, null, null]);
    // A bad reason is refused before anything is written or sent.
    const sentBefore = stripe().proxy.sent("POST", "/v1/refunds").length;
    const bad = await rejection(
      p.admin.bookings.refund({
        ...choices,
        requestId: "8f14e45f-ceea-467f-a2a6-1c5c9e6b1a13",
        amount: "1.00",
        reason: "because" as "duplicate",
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(stripe().proxy.sent("POST", "/v1/refunds")).toHaveLength(sentBefore);
  });
});
