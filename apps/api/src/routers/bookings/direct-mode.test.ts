// The booking portal in Stripe mode, against real PostgreSQL and stripe-mock (through a recording proxy):
// what we send to Stripe, and what our database says afterwards.
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { holdUncommitted } from "@fieldpay/db/testing/hold-uncommitted";
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { callerFor, newBusiness, newCustomer, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const tomorrow = () => new Date(Date.now() + 86_400_000);

async function shop() {
  const biz = await newBusiness(t.db, "direct");
  await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct" });
  const admin = callerFor(deps, biz.auth).caller;
  const service = await admin.services.create({ name: "Deep clean", price: "45.00", durationMinutes: 90 });
  const customer = await newCustomer(t.db, biz.slug);
  return { biz, admin, service, customer, caller: callerFor(deps, customer.auth).caller };
}

async function payments(bookingId: string) {
  return t.db
    .selectFrom("payments")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .orderBy("attempt")
    .execute();
}

async function bookingStatus(id: string) {
  return (await t.db.selectFrom("bookings").select("status").where("id", "=", id).executeTakeFirstOrThrow())
    .status;
}

describe("services", () => {
  it("stores prices in minor units, and a bad price is explained and writes nothing", async () => {
    const { admin, service, biz } = await shop();
    expect(service).toMatchObject({ price: { amount: 4500, currency: "usd" }, durationMinutes: 90 });
    const error = await rejection(
      admin.services.create({ name: "Odd", price: "12.345", durationMinutes: 30 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/Price: USD allows at most 2 decimal places/);
    const short = await rejection(admin.services.create({ name: "Quick", price: "5", durationMinutes: 2 }));
    expect(short.message).toMatch(/at least 5 minutes/);
    const rows = await t.db
      .selectFrom("services")
      .select("name")
      .where("tenant_id", "=", biz.auth.tenant.id)
      .execute();
    expect(rows.map((r) => r.name)).toEqual(["Deep clean"]);
  });

  it("a service taken off the booking page cannot be booked", async () => {
    const { admin, service, caller, biz } = await shop();
    const visitor = callerFor(deps, null).caller;
    expect(await visitor.services.catalog({ slug: biz.slug })).toEqual([
      { name: "Deep clean", description: "", durationMinutes: 90, price: { amount: 4500, currency: "usd" } },
    ]);
    await admin.services.update({ ...service, price: service.priceDecimal, active: false });
    expect(await visitor.services.catalog({ slug: biz.slug })).toEqual([]);
    expect((await caller.bookings.options()).services).toEqual([]);
    const error = await rejection(caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("booking and paying in Stripe mode", () => {
  it("books at the service's price and creates one PaymentIntent on the business's account", async () => {
    const { biz, service, caller, customer: who } = await shop();
    const past = await rejection(caller.bookings.create({ serviceId: service.id, startsAt: new Date(0) }));
    expect(past.message).toBe("Choose a date and time in the future.");
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    const pay = await caller.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({
      attempt: 1,
      publishableKey: "pk_test_fieldpayFake5678",
      stripeAccount: null,
      amount: { amount: 4500, currency: "usd" },
      applicationFee: null,
      savedCardsAllowed: true,
    });
    expect(pay.clientSecret).toMatch(/_secret_/);
    const tenant = biz.auth.tenant.id;
    const [customer] = stripe().proxy.sent("POST", "/v1/customers");
    expect(customer?.headers["idempotency-key"]).toBe(
      `fieldpay:customer:create:${tenant}:${who.auth.user.id}`,
    );
    const [intent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(intent?.form).toMatchObject({
      amount: "4500",
      currency: "usd",
      description: "Deep clean",
      "metadata[booking_id]": id,
      "metadata[attempt]": "1",
    });
    expect(intent?.form).not.toHaveProperty("transfer_data[destination]");
    expect(intent?.headers["idempotency-key"]).toBe(`fieldpay:payment_intent:create:${tenant}:${id}:1`);
    const [row] = await payments(id);
    expect(row).toMatchObject({ attempt: 1, charge_type: "direct", amount: 4500 });
    expect(row?.payment_intent_id).toMatch(/^pi_/);
    expect(await bookingStatus(id)).toBe("pending_payment");
  });

  it("a double click sends the same idempotency key and keeps one attempt", async () => {
    const { service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    await Promise.all([caller.bookings.pay({ bookingId: id }), caller.bookings.pay({ bookingId: id })]);
    await caller.bookings.pay({ bookingId: id });
    const keys = stripe()
      .proxy.sent("POST", "/v1/payment_intents")
      .map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect((await payments(id)).map((p) => p.attempt)).toEqual([1]);
  });

  it("asks Stripe while the attempt's row is being written, and answers once the row holds the PaymentIntent", async () => {
    const { biz, service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    // Another transaction holds attempt 1's key, so writing the attempt's row waits until it rolls back.
    const blocker = await holdUncommitted(t.db, (trx) =>
      trx
        .insertInto("payments")
        .values({
          tenant_id: biz.auth.tenant.id,
          booking_id: id,
          attempt: 1,
          status: "creating",
          amount: 4500,
          currency: "usd",
          charge_type: "direct",
        })
        .execute(),
    );
    let answered = false;
    const paying = caller.bookings.pay({ bookingId: id }).finally(() => {
      answered = true;
    });
    try {
      const asked = () => stripe().proxy.sent("POST", "/v1/payment_intents").length === 1;
      for (let waited = 0; !asked() && waited < 5000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(asked()).toBe(true);
      expect(answered).toBe(false);
    } finally {
      await blocker.rollBack();
    }
    const pay = await paying;
    const [row] = await payments(id);
    expect(row).toMatchObject({ attempt: 1, status: "requires_payment_method" });
    expect(row?.payment_intent_id).toMatch(/^pi_/);
    expect(pay.clientSecret).toMatch(/_secret_/);
  });

  it("an attempt older than Stripe's 24-hour replay window is closed, and the next one opened", async () => {
    const { biz, service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    await t.db
      .insertInto("payments")
      .values({
        tenant_id: biz.auth.tenant.id,
        booking_id: id,
        attempt: 1,
        payment_intent_id: "pi_yesterday01",
        status: "requires_payment_method",
        amount: 4500,
        currency: "usd",
        charge_type: "direct",
        created_at: new Date(Date.now() - 24 * 3_600_000),
      })
      .execute();
    expect((await caller.bookings.pay({ bookingId: id })).attempt).toBe(2);
    const rows = await payments(id);
    expect(rows.map((p) => p.attempt)).toEqual([1, 2]);
    expect(rows[0]?.payment_intent_id).toBe("pi_yesterday01");
    expect(rows[1]?.payment_intent_id).toMatch(/^pi_/);
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")[0]?.headers["idempotency-key"]).toMatch(/:2$/);
  });

  it("a decline keeps the booking unpaid; only 'try again with another card' opens a new attempt", async () => {
    const { biz, service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    await caller.bookings.pay({ bookingId: id });
    const [first] = await payments(id);
    await applyPaymentIntentSnapshot(t.db, {
      tenantId: biz.auth.tenant.id,
      paymentIntentId: first?.payment_intent_id ?? "",
      status: "requires_payment_method",
      failureCode: "insufficient_funds",
      failureMessage: "The card was declined: insufficient funds.",
      eventAt: new Date(),
    });
    const seen = await caller.bookings.get({ bookingId: id });
    expect(seen).toMatchObject({
      status: "payment_failed",
      canPay: true,
      payment: { failure: { message: "The card was declined: insufficient funds." } },
    });
    expect((await caller.bookings.pay({ bookingId: id })).attempt).toBe(1);
    expect((await caller.bookings.pay({ bookingId: id, newAttempt: true })).attempt).toBe(2);
    // The old decline is history now: the booking waits for the new attempt's outcome.
    expect(await caller.bookings.get({ bookingId: id })).toMatchObject({ status: "pending_payment" });
    // A second "try again" before the new attempt has failed stays on attempt 2.
    expect((await caller.bookings.pay({ bookingId: id, newAttempt: true })).attempt).toBe(2);
    const keys = stripe()
      .proxy.sent("POST", "/v1/payment_intents")
      .map((r) => r.headers["idempotency-key"]);
    expect(keys.map((k) => k?.split(":").at(-1))).toEqual(["1", "1", "2", "2"]);
  });

  it("refresh status reads the PaymentIntent from Stripe and explains a decline in plain words", async () => {
    const { service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    await caller.bookings.pay({ bookingId: id });
    // A fresh PaymentIntent waiting for a card is not a failure.
    expect(await caller.bookings.refreshPayment({ bookingId: id })).toEqual({
      status: "pending_payment",
      problem: null,
    });
    stripe().proxy.intercept({
      method: "GET",
      path: /^\/v1\/payment_intents\//,
      patch: (body) => ({
        ...body,
        status: "requires_payment_method",
        last_payment_error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds" },
      }),
    });
    expect(await caller.bookings.refreshPayment({ bookingId: id })).toEqual({
      status: "payment_failed",
      problem: {
        message: "The card was declined: insufficient funds.",
        fix: "Ask the customer to use another card or to contact their bank.",
      },
    });
    stripe().proxy.intercept({
      method: "GET",
      path: /^\/v1\/payment_intents\//,
      patch: (body) => ({ ...body, status: "succeeded", last_payment_error: null }),
    });
    expect((await caller.bookings.refreshPayment({ bookingId: id })).status).toBe("paid");
    const again = await rejection(caller.bookings.pay({ bookingId: id }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "This booking is already paid." });
  });

  it("a customer cannot see or pay another customer's booking", async () => {
    const { biz, service, caller } = await shop();
    const { id } = await caller.bookings.create({ serviceId: service.id, startsAt: tomorrow() });
    const other = callerFor(deps, (await newCustomer(t.db, biz.slug)).auth).caller;
    expect((await rejection(other.bookings.get({ bookingId: id }))).code).toBe("NOT_FOUND");
    expect((await rejection(other.bookings.pay({ bookingId: id }))).code).toBe("NOT_FOUND");
    expect(await other.bookings.mine()).toEqual([]);
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")).toEqual([]);
  });
});
