import { describe, expect, it } from "vitest";
import { directStripeAt, stripeConnectAt } from "./testing/strategies.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const direct = () => directStripeAt(proxy().url);
const connect = () => stripeConnectAt(proxy().url);

const lastError = (last_payment_error: Record<string, unknown> | null, status = "requires_payment_method") =>
  proxy().intercept({
    method: "GET",
    path: /^\/v1\/payment_intents\//,
    patch: (body) => ({ ...body, status, last_payment_error }),
  });

describe("retrievePayment (Refresh status)", () => {
  it("answers the PaymentIntent's status, read from the business's own account", async () => {
    lastError(null, "succeeded");
    const result = await direct().retrievePayment({ paymentIntentId: "pi_1", onAccount: null });
    expect(result).toMatchObject({ ok: true, payment: { status: "succeeded", cardFailure: null } });
    const [request] = proxy().sent("GET", "/v1/payment_intents/pi_1");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("reads a Standard direct charge on the fieldworker's own account", async () => {
    await connect().retrievePayment({ paymentIntentId: "pi_std", onAccount: "acct_std" });
    const [request] = proxy().sent("GET", "/v1/payment_intents/pi_std");
    expect(request?.headers["stripe-account"]).toBe("acct_std");
  });

  it("explains a card decline in the catalogue's plain words", async () => {
    lastError({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds" });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_1", onAccount: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.payment.cardFailure).toMatchObject({
      code: "card_declined",
      declineCode: "insufficient_funds",
      message: "The card was declined: insufficient funds.",
    });
  });

  it("says the bank wants 3-D Secure when that is why the card failed", async () => {
    lastError({ type: "card_error", code: "authentication_required" });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_1", onAccount: null });
    expect(result.ok && result.payment.cardFailure?.code).toBe("card_authentication_required");
  });

  it("does not call a last error that is not the card's a card failure", async () => {
    lastError({ type: "api_error", code: "processing_error" });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_1", onAccount: null });
    expect(result.ok && result.payment.cardFailure).toBeNull();
  });

  it("reads what an authorization holds, when it lapses and the card, from the latest charge", async () => {
    proxy().intercept({
      method: "GET",
      path: /^\/v1\/payment_intents\//,
      patch: (body) => ({
        ...body,
        status: "requires_capture",
        client_secret: "pi_auth_secret_1",
        amount: 10_000,
        amount_received: 0,
        amount_capturable: 10_000,
        payment_method: "pm_card",
        last_payment_error: null,
        latest_charge: {
          id: "ch_auth",
          object: "charge",
          payment_method_details: {
            type: "card",
            card: { capture_before: 1_930_000_000, brand: "visa", last4: "4242" },
          },
        },
      }),
    });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_auth", onAccount: null });
    expect(result).toEqual({
      ok: true,
      payment: {
        paymentIntentId: expect.any(String),
        status: "requires_capture",
        cardFailure: null,
        clientSecret: "pi_auth_secret_1",
        amount: 10_000,
        amountReceived: 0,
        amountCapturable: 10_000,
        paymentMethodId: "pm_card",
        captureBefore: new Date(1_930_000_000_000),
        card: { brand: "visa", last4: "4242" },
      },
    });
    expect(proxy().sent("GET", "/v1/payment_intents/pi_auth")[0]?.query).toEqual({
      "expand[0]": "latest_charge",
    });
  });

  it("has no deadline for a PaymentIntent without a charge yet", async () => {
    lastError(null, "requires_payment_method");
    proxy().intercept({
      method: "GET",
      path: /^\/v1\/payment_intents\//,
      patch: (body) => ({ ...body, latest_charge: null, payment_method: null }),
    });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_new", onAccount: null });
    expect(result).toMatchObject({ ok: true, payment: { captureBefore: null, paymentMethodId: null } });
  });

  it("reports a PaymentIntent Stripe does not know as an error", async () => {
    proxy().intercept({
      method: "GET",
      path: "/v1/payment_intents/pi_gone",
      respond: {
        status: 404,
        body: { error: { type: "invalid_request_error", code: "resource_missing", message: "No such" } },
      },
    });
    const result = await direct().retrievePayment({ paymentIntentId: "pi_gone", onAccount: null });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
