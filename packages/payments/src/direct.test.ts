import { describe, expect, it } from "vitest";
import { DirectStripe } from "./direct.ts";
import type { BookingPaymentInput, RefundInput } from "./strategy.ts";
import { authenticationRequired, offSessionDeclined } from "./testing/stripe-answers.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const strategy = () =>
  new DirectStripe({ mode: "direct", secretKey: "sk_test_123", apiBase: proxy().url, maxNetworkRetries: 0 });

const booking: BookingPaymentInput = {
  tenantId: "t1",
  bookingId: "b42",
  attempt: 1,
  amount: { amount: 12_550, currency: "usd" },
  stripeCustomerId: "cus_1",
  description: "Boiler service",
};

describe("DirectStripe.createBookingPayment", () => {
  it("creates a PaymentIntent on the business's own account with our ids", async () => {
    const result = await strategy().createBookingPayment(booking);
    expect(result).toEqual({
      ok: true,
      payment: {
        paymentIntentId: expect.stringMatching(/^pi_/),
        clientSecret: expect.stringContaining("_secret_"),
        status: expect.any(String),
        amount: { amount: 12_550, currency: "usd" },
        chargeType: "direct",
        onAccount: null,
        applicationFee: null,
        fieldworkerNet: null,
        customerId: "cus_1",
        captureMethod: "automatic",
      },
    });
    const [request] = proxy().sent("POST", "/v1/payment_intents");
    expect(request?.form).toEqual({
      amount: "12550",
      currency: "usd",
      "automatic_payment_methods[enabled]": "true",
      "automatic_payment_methods[allow_redirects]": "never",
      customer: "cus_1",
      description: "Boiler service",
      "metadata[tenant_id]": "t1",
      "metadata[booking_id]": "b42",
      "metadata[attempt]": "1",
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_intent:create:t1:b42:1");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("sends a retry of the same attempt with the same key, and a new attempt with a new one", async () => {
    await strategy().createBookingPayment(booking);
    await strategy().createBookingPayment(booking);
    await strategy().createBookingPayment({ ...booking, attempt: 2 });
    const keys = proxy()
      .sent("POST", "/v1/payment_intents")
      .map((r) => r.headers["idempotency-key"]);
    expect(keys).toEqual([
      "fieldpay:payment_intent:create:t1:b42:1",
      "fieldpay:payment_intent:create:t1:b42:1",
      "fieldpay:payment_intent:create:t1:b42:2",
    ]);
  });

  it("charges a saved card off-session, and keeps a new card when asked", async () => {
    await strategy().createBookingPayment({ ...booking, paymentMethodId: "pm_1", offSession: true });
    await strategy().createBookingPayment({ ...booking, attempt: 2, saveCard: true });
    const [offSession, saving] = proxy().sent("POST", "/v1/payment_intents");
    expect(offSession?.form).toMatchObject({ payment_method: "pm_1", confirm: "true", off_session: "true" });
    expect(offSession?.form).not.toHaveProperty("setup_future_usage");
    expect(saving?.form).toMatchObject({ setup_future_usage: "off_session" });
    expect(saving?.form).not.toHaveProperty("off_session");
  });

  it("only authorizes the card for the authorize plan, and names the booking's charge", async () => {
    const result = await strategy().createBookingPayment({
      ...booking,
      captureMethod: "manual",
      purpose: "authorization",
    });
    expect(result).toMatchObject({ ok: true, payment: { captureMethod: "manual" } });
    expect(proxy().sent("POST", "/v1/payment_intents")[0]?.form).toMatchObject({
      capture_method: "manual",
      "metadata[charge]": "authorization",
    });
  });

  it("sends neither capture_method nor a charge name when not asked", async () => {
    await strategy().createBookingPayment(booking);
    const form = proxy().sent("POST", "/v1/payment_intents")[0]?.form;
    expect(form).not.toHaveProperty("capture_method");
    expect(form).not.toHaveProperty("metadata[charge]");
  });

  const offSession = { ...booking, paymentMethodId: "pm_1", offSession: true, purpose: "balance" } as const;

  it("hands back the PaymentIntent an off-session charge left when the bank wants 3D Secure", async () => {
    proxy().intercept({
      method: "POST",
      path: "/v1/payment_intents",
      respond: authenticationRequired("pi_3ds"),
    });
    const result = await strategy().createBookingPayment(offSession);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "card_authentication_required",
        paymentIntentId: "pi_3ds",
        paymentIntentStatus: "requires_payment_method",
      },
    });
  });

  it("hands back the PaymentIntent of a declined off-session charge, with the decline in plain words", async () => {
    proxy().intercept({
      method: "POST",
      path: "/v1/payment_intents",
      respond: offSessionDeclined("pi_declined", "insufficient_funds"),
    });
    const result = await strategy().createBookingPayment(offSession);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "card_declined",
        declineCode: "insufficient_funds",
        message: "The card was declined: insufficient funds.",
        paymentIntentId: "pi_declined",
        paymentIntentStatus: "requires_payment_method",
      },
    });
  });

  it("sends zero-decimal amounts as whole units (JPY)", async () => {
    const result = await strategy().createBookingPayment({
      ...booking,
      amount: { amount: 15_000, currency: "jpy" },
    });
    expect(result.ok && result.payment.amount).toEqual({ amount: 15_000, currency: "jpy" });
    expect(proxy().sent("POST")[0]?.form).toMatchObject({ amount: "15000", currency: "jpy" });
  });

  it.each([
    [{ amount: { amount: 0, currency: "usd" } }, "invalid_input"],
    [{ amount: { amount: 12.5, currency: "usd" } }, "invalid_input"],
    [{ amount: { amount: 5125, currency: "kwd" } }, "invalid_input"],
    [{ offSession: true }, "invalid_input"],
    [{ attempt: -1 }, "invalid_input"],
    [{ connect: { accountId: "acct_1", accountType: "express", fee: { basisPoints: 1000 } } }, "wrong_mode"],
    [{ connectedCustomerId: "cus_copy" }, "wrong_mode"],
  ] as const)("refuses %o without calling Stripe", async (change, code) => {
    const result = await strategy().createBookingPayment({ ...booking, ...change });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(proxy().requests).toHaveLength(0);
  });
});

const refund: RefundInput = {
  tenantId: "t1",
  bookingId: "b42",
  refundId: "r7",
  paymentIntentId: "pi_1",
  charged: { amount: 12_550, currency: "usd" },
};

describe("DirectStripe.refund", () => {
  it("refunds in full with our ids and no Connect parameters", async () => {
    const result = await strategy().refund({ ...refund, reason: "requested_by_customer" });
    expect(result).toMatchObject({
      ok: true,
      refund: { stripeRefundId: expect.stringMatching(/^re_/), partial: false },
    });
    const [request] = proxy().sent("POST", "/v1/refunds");
    expect(request?.form).toEqual({
      payment_intent: "pi_1",
      reason: "requested_by_customer",
      "metadata[tenant_id]": "t1",
      "metadata[booking_id]": "b42",
      "metadata[refund_id]": "r7",
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:refund:create:t1:r7");
  });

  it("refunds part of a payment", async () => {
    const result = await strategy().refund({ ...refund, amount: { amount: 2500, currency: "usd" } });
    expect(result).toMatchObject({
      ok: true,
      refund: { amount: { amount: 2500, currency: "usd" }, partial: true },
    });
    expect(proxy().sent("POST", "/v1/refunds")[0]?.form).toMatchObject({ amount: "2500" });
  });

  it.each([
    [{ amount: { amount: 20_000, currency: "usd" } }, "invalid_input", /cannot be more than the \$125\.50/],
    [{ amount: { amount: 100, currency: "eur" } }, "invalid_input", /in EUR but the payment was in USD/],
    [{ amount: { amount: 0, currency: "usd" } }, "invalid_input", /more than zero/],
    [
      {
        connect: {
          accountId: "acct_1",
          accountType: "express",
          refundApplicationFee: true,
          reverseTransfer: true,
        },
      },
      "wrong_mode",
      /own Stripe account/,
    ],
  ] as const)("refuses %o without calling Stripe", async (change, code, message) => {
    const result = await strategy().refund({ ...refund, ...change });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(proxy().requests).toHaveLength(0);
  });
});
