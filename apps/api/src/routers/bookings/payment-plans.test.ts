// Payment plans end to end through the api, against real PostgreSQL and stripe-mock (through the recording
// proxy): what each plan asks Stripe for at booking (the exact parameters and keys), where the booking stands
// after Stripe's answer, and the job marked done.
import { applyBookingSetupSucceeded } from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { describe, expect, it } from "vitest";
import { connectPlatform } from "../../booking/testing/connect-platform.ts";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import type { Auth } from "../../context.ts";
import { callerFor, newBusiness, newCustomer, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function directShop(plan: {
  paymentPlan: "deposit" | "card_on_file" | "authorize" | "full";
  depositKind?: "percent" | "amount";
  depositValue?: string;
}) {
  const biz = await newBusiness(t.db, "plans");
  await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct" });
  const admin = callerFor(deps, biz.auth).caller;
  const service = await admin.services.create({
    name: "Boiler service",
    price: "120.00",
    durationMinutes: 60,
    ...plan,
  });
  const customer = callerFor(deps, (await newCustomer(t.db, biz.slug)).auth).caller;
  return { biz, admin, service, customer, tenantId: biz.auth.tenant.id };
}

async function onlyPayment(bookingId: string) {
  return t.db
    .selectFrom("payments")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .executeTakeFirstOrThrow();
}

async function succeed(tenantId: string, paymentIntentId: string, status = "succeeded") {
  await applyPaymentIntentSnapshot(t.db, {
    tenantId,
    paymentIntentId,
    status,
    eventAt: new Date(),
    paymentMethodId: "pm_card_kept",
  });
}

describe("choosing a payment plan", () => {
  it("a service keeps its plan and deposit; a deposit that does not fit is explained and nothing is written", async () => {
    const { admin, service, biz } = await directShop({
      paymentPlan: "deposit",
      depositKind: "percent",
      depositValue: "25",
    });
    expect(service).toMatchObject({ paymentPlan: "deposit", depositKind: "percent", depositValue: "25" });
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ depositKind: "percent", depositValue: "100" }, /^Deposit: enter a percentage from 1 to 99/],
      [{ depositKind: "amount", depositValue: "120.00" }, /A deposit must be less than the price/],
      [{ depositKind: "amount", depositValue: "0.20" }, /at least \$0\.50/],
      [{ depositKind: "amount", depositValue: "abc" }, /^Deposit: /],
      [{}, /^Deposit: enter a percentage like 50, or an amount like 25\.00\./],
    ];
    for (const [deposit, message] of cases) {
      const error = await rejection(
        admin.services.create({
          name: "Odd",
          price: "120.00",
          durationMinutes: 60,
          paymentPlan: "deposit",
          ...deposit,
        }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(message);
    }
    const names = await t.db
      .selectFrom("services")
      .select("name")
      .where("tenant_id", "=", biz.auth.tenant.id)
      .execute();
    expect(names).toEqual([{ name: "Boiler service" }]);
  });

  it("a service on the business default follows it; a default deposit too big for a price takes it in full", async () => {
    const { admin, customer, biz } = await directShop({ paymentPlan: "full" });
    const saved = await admin.services.setPreferences({
      customersChooseFieldworker: true,
      paymentPlan: "deposit",
      depositKind: "amount",
      depositValue: "30.00",
    });
    expect(saved).toMatchObject({ paymentPlan: "deposit", depositKind: "amount", depositValue: "30.00" });
    const follows = await admin.services.create({
      name: "Gutter clean",
      price: "90.00",
      durationMinutes: 60,
    });
    const small = await admin.services.create({ name: "Call-out", price: "25.00", durationMinutes: 30 });
    expect(follows.paymentPlan).toBe("business_default");
    const a = await customer.bookings.create({ serviceId: follows.id, startsAt: inDays(3) });
    const b = await customer.bookings.create({ serviceId: small.id, startsAt: inDays(3) });
    const rows = await t.db
      .selectFrom("bookings")
      .select(["id", "payment_plan", "deposit_amount"])
      .where("tenant_id", "=", biz.auth.tenant.id)
      .execute();
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ payment_plan: "deposit", deposit_amount: 3000 });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ payment_plan: "full", deposit_amount: null });
  });
});

describe("paying at booking under each plan (Stripe mode)", () => {
  it("deposit: charges the deposit only and keeps the card for the balance", async () => {
    const { customer, service, tenantId } = await directShop({
      paymentPlan: "deposit",
      depositKind: "percent",
      depositValue: "50",
    });
    const { id } = await customer.bookings.create({ serviceId: service.id, startsAt: inDays(10) });
    const pay = await customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({
      intent: "payment",
      plan: "deposit",
      hold: false,
      amount: { amount: 6000, currency: "usd" },
      dueAfterJob: { amount: 6000, currency: "usd" },
    });
    const [sent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(sent?.form).toMatchObject({
      amount: "6000",
      currency: "usd",
      setup_future_usage: "off_session",
      "metadata[charge]": "deposit",
      "metadata[booking_id]": id,
    });
    expect(sent?.form.capture_method).toBeUndefined();
    expect(sent?.headers["idempotency-key"]).toBe(`fieldpay:payment_intent:create:${tenantId}:${id}:1`);
    const payment = await onlyPayment(id);
    expect(payment).toMatchObject({ purpose: "deposit", amount: 6000, capture_method: "automatic" });
    await succeed(tenantId, payment.payment_intent_id ?? "");
    const view = await customer.bookings.get({ bookingId: id });
    expect(view).toMatchObject({
      status: "deposit_paid",
      canPay: false,
      plan: { plan: "deposit", deposit: { amount: 6000 }, cardSaved: true },
      ledger: { charged: { amount: 6000 }, net: { amount: 6000 }, business: null, fieldworker: null },
    });
    expect(view.ledger.lines).toEqual([
      expect.objectContaining({
        kind: "charge",
        purpose: "deposit",
        amount: { amount: 6000, currency: "usd" },
      }),
    ]);
    const again = await rejection(customer.bookings.pay({ bookingId: id }));
    expect(again.message).toBe("Nothing is due on this booking until the job is done.");
  });

  it("authorize: holds the whole price with manual capture, and tracks when the hold lapses", async () => {
    const { customer, service, tenantId } = await directShop({ paymentPlan: "authorize" });
    const { id } = await customer.bookings.create({ serviceId: service.id, startsAt: inDays(2) });
    const pay = await customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({
      plan: "authorize",
      hold: true,
      amount: { amount: 12000 },
      dueAfterJob: { amount: 0 },
    });
    const [sent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(sent?.form).toMatchObject({
      amount: "12000",
      capture_method: "manual",
      setup_future_usage: "off_session",
      "metadata[charge]": "authorization",
    });
    const payment = await onlyPayment(id);
    await succeed(tenantId, payment.payment_intent_id ?? "", "requires_capture");
    const held = await customer.bookings.get({ bookingId: id });
    expect(held.status).toBe("authorized");
    expect(held.plan.holdExpiresAt?.getTime()).toBeGreaterThan(inDays(6.9).getTime());
    // Nothing is charged by a hold: the ledger stays empty until it is captured.
    expect(held.ledger.lines).toEqual([]);
    // Stripe cancels a hold that was never captured: the booking falls back to the card kept with it.
    await succeed(tenantId, payment.payment_intent_id ?? "", "canceled");
    const lapsed = await customer.bookings.get({ bookingId: id });
    expect(lapsed).toMatchObject({ status: "card_saved", plan: { holdLapsed: true, cardSaved: true } });
  });

  it("authorize: a job further out than the hold lasts keeps the card on file instead", async () => {
    const { customer, service } = await directShop({ paymentPlan: "authorize" });
    const { id } = await customer.bookings.create({ serviceId: service.id, startsAt: inDays(9) });
    expect((await customer.bookings.get({ bookingId: id })).plan.plan).toBe("card_on_file");
  });

  it("card on file: saves the card with a SetupIntent keyed by the booking, charging nothing", async () => {
    const { customer, service, tenantId } = await directShop({ paymentPlan: "card_on_file" });
    const { id } = await customer.bookings.create({ serviceId: service.id, startsAt: inDays(12) });
    const pay = await customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({
      intent: "setup",
      plan: "card_on_file",
      amount: { amount: 0 },
      dueAfterJob: { amount: 12000 },
    });
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")).toEqual([]);
    const [setup] = stripe().proxy.sent("POST", "/v1/setup_intents");
    expect(setup?.form).toMatchObject({
      usage: "off_session",
      "metadata[booking_id]": id,
      "metadata[charge]": "card_on_file",
    });
    expect(setup?.form.customer).toMatch(/^cus_/);
    expect(setup?.headers["idempotency-key"]).toBe(`fieldpay:setup_intent:booking:${tenantId}:${id}:1`);
    // Opening the pay page again gets the same SetupIntent (same key), not a second one.
    await customer.bookings.pay({ bookingId: id });
    const keys = stripe()
      .proxy.sent("POST", "/v1/setup_intents")
      .map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(1);
    const booking = await t.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(booking.setup_intent_id).toMatch(/^seti_/);
    await applyBookingSetupSucceeded(t.db, {
      tenantId,
      setupIntentId: booking.setup_intent_id ?? "",
      paymentMethodId: "pm_kept",
    });
    expect(await customer.bookings.get({ bookingId: id })).toMatchObject({
      status: "card_saved",
      plan: { cardSaved: true },
    });
  });
});

describe("paying at booking under each plan (Connect)", () => {
  it("express deposit: a destination charge of the deposit with its share of the commission", async () => {
    const p = await connectPlatform(deps, "express");
    await p.admin.services.update({
      ...p.service,
      price: "100.00",
      paymentPlan: "deposit",
      depositKind: "percent",
      depositValue: "40",
    });
    const { id } = await p.customer.bookings.create({
      serviceId: p.service.id,
      startsAt: inDays(3),
      fieldworkerId: p.wes.id,
    });
    const pay = await p.customer.bookings.pay({ bookingId: id });
    // 10% + $0.30 of the $40 deposit; the fixed part is taken once per booking, with its first charge.
    expect(pay).toMatchObject({
      amount: { amount: 4000 },
      applicationFee: { amount: 430 },
      fieldworkerNet: { amount: 3570 },
    });
    const [sent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(sent?.form).toMatchObject({
      amount: "4000",
      application_fee_amount: "430",
      "transfer_data[destination]": p.wesAccount,
      setup_future_usage: "off_session",
    });
    const booking = await t.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(booking).toMatchObject({ agreed_fee_bps: 1000, agreed_fee_fixed: 30 });
    const payment = await onlyPayment(id);
    await succeed(p.tenantId, payment.payment_intent_id ?? "");
    const admin = await p.admin.bookings.get({ bookingId: id });
    expect(admin.ledger).toMatchObject({
      charged: { amount: 4000 },
      business: { amount: 430 },
      fieldworker: { amount: 3570 },
    });
  });

  it("standard authorize: the hold lives on the fieldworker's account with a customer made there", async () => {
    const p = await connectPlatform(deps, "standard");
    await p.admin.services.update({ ...p.service, price: "100.00", paymentPlan: "authorize" });
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: inDays(1) });
    const pay = await p.customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({ stripeAccount: p.wesAccount, hold: true });
    const [intent] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(intent?.headers["stripe-account"]).toBe(p.wesAccount);
    expect(intent?.form).toMatchObject({
      capture_method: "manual",
      application_fee_amount: "1030",
      setup_future_usage: "off_session",
    });
    expect(intent?.form.customer).toMatch(/^cus_/);
    const customers = stripe()
      .proxy.sent("POST", "/v1/customers")
      .filter((r) => r.headers["stripe-account"] === p.wesAccount);
    expect(customers).toHaveLength(1);
  });
});

describe("card on file in Connect mode", () => {
  it.each(["express", "standard"] as const)(
    "%s: the card is saved where the after-job charge will run",
    async (type) => {
      const p = await connectPlatform(deps, type);
      await p.admin.services.update({ ...p.service, price: "100.00", paymentPlan: "card_on_file" });
      const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: inDays(20) });
      const pay = await p.customer.bookings.pay({ bookingId: id });
      const standard = type === "standard";
      expect(pay).toMatchObject({ intent: "setup", stripeAccount: standard ? p.wesAccount : null });
      const [setup] = stripe().proxy.sent("POST", "/v1/setup_intents");
      expect(setup?.headers["stripe-account"]).toBe(standard ? p.wesAccount : undefined);
      const booking = await t.db
        .selectFrom("bookings")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      // The commission in force now is the one the after-job charge keeps, whatever the business changes later.
      expect(booking).toMatchObject({
        agreed_fee_bps: 1000,
        agreed_fee_fixed: 30,
        card_on_account: standard ? p.wesAccount : null,
      });
      expect(booking.card_customer_id).toBe(setup?.form.customer);
    },
  );
});

describe("marking the job done", () => {
  async function depositPaid() {
    const p = await connectPlatform(deps, "express");
    await p.admin.services.update({
      ...p.service,
      price: "100.00",
      paymentPlan: "deposit",
      depositKind: "percent",
      depositValue: "50",
    });
    const { id } = await p.customer.bookings.create({
      serviceId: p.service.id,
      startsAt: inDays(3),
      fieldworkerId: p.wes.id,
    });
    await p.customer.bookings.pay({ bookingId: id });
    const wesAuth: Auth = { sessionId: "test-session", user: p.wes, tenant: p.biz.auth.tenant };
    const wes = callerFor(deps, wesAuth).caller;
    return { ...p, id, wes };
  }

  it("is refused, with the reason, until the customer has paid the deposit", async () => {
    const p = await depositPaid();
    const early = await rejection(p.wes.bookings.markDone({ bookingId: p.id }));
    expect(early.message).toMatch(/has not paid or saved a card/);
  });

  it("the assigned fieldworker marks it done with an adjusted amount and the reason the customer sees", async () => {
    const p = await depositPaid();
    await succeed(p.tenantId, (await onlyPayment(p.id)).payment_intent_id ?? "");
    const noReason = await rejection(p.wes.bookings.markDone({ bookingId: p.id, finalAmount: "130.00" }));
    expect(noReason.message).toMatch(/^Reason: say why the final amount differs/);
    const tooSmall = await rejection(
      p.wes.bookings.markDone({ bookingId: p.id, finalAmount: "50.20", reason: "Less work" }),
    );
    expect(tooSmall.message).toMatch(
      /\$0\.20 would be left to charge, below Stripe's smallest charge of \$0\.50/,
    );
    const bad = await rejection(
      p.wes.bookings.markDone({ bookingId: p.id, finalAmount: "12.345", reason: "x" }),
    );
    expect(bad.message).toMatch(/^Final amount: /);
    expect(
      (await t.db.selectFrom("bookings").select("done_at").where("id", "=", p.id).executeTakeFirstOrThrow())
        .done_at,
    ).toBeNull();
    const done = await p.wes.bookings.markDone({
      bookingId: p.id,
      finalAmount: "130.00",
      reason: "Extra valve",
    });
    expect(done).toEqual({ bookingId: p.id, finalAmount: { amount: 13000, currency: "usd" } });
    const seen = await p.customer.bookings.get({ bookingId: p.id });
    expect(seen.job).toMatchObject({
      finalAmount: { amount: 13000 },
      adjustmentReason: "Extra valve",
      canMarkDone: false,
    });
    expect(seen.job.doneAt).toBeInstanceOf(Date);
    const twice = await rejection(p.wes.bookings.markDone({ bookingId: p.id }));
    expect(twice.message).toBe("This job was already marked done.");
    // Their jobs list shows it, with their share of the deposit.
    const [job] = await p.wes.bookings.myJobs();
    expect(job).toMatchObject({ id: p.id, ledger: { fieldworker: { amount: 4470 }, business: null } });
  });

  it("a customer cannot mark a job done, and another fieldworker's job is not found", async () => {
    const p = await depositPaid();
    await succeed(p.tenantId, (await onlyPayment(p.id)).payment_intent_id ?? "");
    const customer = await rejection(p.customer.bookings.markDone({ bookingId: p.id }));
    expect(customer.code).toBe("FORBIDDEN");
    const riaAuth: Auth = { sessionId: "test-session", user: p.ria, tenant: p.biz.auth.tenant };
    const other = await rejection(callerFor(deps, riaAuth).caller.bookings.markDone({ bookingId: p.id }));
    expect(other.code).toBe("NOT_FOUND");
  });

  it("a booking paid in full cannot be charged more after the job", async () => {
    const p = await connectPlatform(deps, "express");
    const { id } = await p.customer.bookings.create({
      serviceId: p.service.id,
      startsAt: inDays(3),
      fieldworkerId: p.wes.id,
    });
    await p.customer.bookings.pay({ bookingId: id });
    await succeed(p.tenantId, (await onlyPayment(id)).payment_intent_id ?? "");
    const more = await rejection(
      p.admin.bookings.markDone({ bookingId: id, finalAmount: "150.00", reason: "Extra" }),
    );
    expect(more.message).toMatch(/paid in full when booked, and no card was kept/);
    await p.admin.bookings.markDone({ bookingId: id });
    expect((await p.admin.bookings.get({ bookingId: id })).job.finalAmount).toEqual({
      amount: 10000,
      currency: "usd",
    });
  });
});

describe("a balance due after the job", () => {
  it("with no PaymentIntent (no card was saved), the portal opens one for exactly the attempt's amount and fee, once", async () => {
    const p = await connectPlatform(deps, "express");
    await p.admin.services.update({
      ...p.service,
      price: "100.00",
      paymentPlan: "deposit",
      depositKind: "percent",
      depositValue: "40",
    });
    const { id } = await p.customer.bookings.create({
      serviceId: p.service.id,
      startsAt: inDays(3),
      fieldworkerId: p.wes.id,
    });
    await p.customer.bookings.pay({ bookingId: id });
    const deposit = await onlyPayment(id);
    await applyPaymentIntentSnapshot(t.db, {
      tenantId: p.tenantId,
      paymentIntentId: deposit.payment_intent_id ?? "",
      status: "succeeded",
      eventAt: new Date(),
    });
    await p.admin.bookings.markDone({ bookingId: id });
    // What the worker leaves when no card was kept: the attempt with its amount and fee, refused before Stripe.
    await t.db
      .insertInto("payments")
      .values({
        tenant_id: p.tenantId,
        booking_id: id,
        attempt: 2,
        status: "requires_payment_method",
        amount: 6000,
        currency: "usd",
        charge_type: "destination",
        fieldworker_account_id: p.wesAccount,
        application_fee_amount: 600,
        fieldworker_net_amount: 5400,
        purpose: "balance",
        off_session: true,
        failure_code: "no_card",
      })
      .execute();
    await t.db.updateTable("bookings").set({ status: "balance_due" }).where("id", "=", id).execute();
    const before = stripe().proxy.sent("POST", "/v1/payment_intents").length;
    const pay = await p.customer.bookings.pay({ bookingId: id });
    expect(pay).toMatchObject({
      intent: "payment",
      amount: { amount: 6000 },
      applicationFee: { amount: 600 },
    });
    const created = stripe().proxy.sent("POST", "/v1/payment_intents").slice(before);
    expect(created).toHaveLength(1);
    expect(created[0]?.form).toMatchObject({
      amount: "6000",
      application_fee_amount: "600",
      "transfer_data[destination]": p.wesAccount,
      "metadata[charge]": "balance",
    });
    expect(created[0]?.form.off_session).toBeUndefined();
    expect(created[0]?.headers["idempotency-key"]).toBe(
      `fieldpay:payment_intent:create:${p.tenantId}:${id}:3`,
    );
    const rows = await t.db
      .selectFrom("payments")
      .selectAll()
      .where("booking_id", "=", id)
      .orderBy("attempt")
      .execute();
    expect(rows.map((r) => [r.attempt, r.purpose, r.superseded_at !== null])).toEqual([
      [1, "deposit", false],
      [2, "balance", true],
      [3, "balance", false],
    ]);
    // Opening the link again completes that same PaymentIntent: nothing new is created.
    await p.customer.bookings.pay({ bookingId: id });
    expect(stripe().proxy.sent("POST", "/v1/payment_intents").slice(before)).toHaveLength(1);
    // Paid by the customer: the ledger holds both charges and the booking is paid.
    await applyPaymentIntentSnapshot(t.db, {
      tenantId: p.tenantId,
      paymentIntentId: rows[2]?.payment_intent_id ?? "",
      status: "succeeded",
      eventAt: new Date(),
    });
    const view = await p.admin.bookings.get({ bookingId: id });
    expect(view.status).toBe("paid");
    expect(view.ledger).toMatchObject({
      charged: { amount: 10000 },
      business: { amount: 1030 },
      fieldworker: { amount: 8970 },
    });
  });
});
