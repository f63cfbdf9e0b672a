import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { cardFailure, redactSecrets, stripeCall, toPaymentError } from "./errors.ts";
import { createStripeClient } from "./stripe-client.ts";
import { type RecordingProxy, startRecordingProxy } from "./testing/recording-proxy.ts";
import { authenticationRequired, offSessionDeclined } from "./testing/stripe-answers.ts";

const stripeMock = inject("stripeApiBase");
const KEY_MATERIAL = /sk_|rk_|whsec_/i;
let proxy: RecordingProxy;

beforeAll(async () => {
  proxy = await startRecordingProxy(stripeMock);
});
afterAll(() => proxy.close());
beforeEach(() => proxy.reset());

/** Sends a real request through the SDK and returns what our mapping makes of the failure. */
async function failureOf(run: (stripe: Stripe) => Promise<unknown>, apiBase = proxy.url) {
  const stripe = createStripeClient({
    secretKey: "sk_test_123",
    apiBase,
    maxNetworkRetries: 0,
    timeoutMs: 3000,
  });
  const outcome = await stripeCall(async () => ({ value: await run(stripe) }));
  if (outcome.ok) throw new Error("expected the Stripe call to fail");
  expect(JSON.stringify(outcome.error)).not.toMatch(KEY_MATERIAL);
  return outcome.error;
}

function answer(path: string, status: number, error: Record<string, string>) {
  proxy.intercept({ path, respond: { status, body: { error } } });
}

describe("redactSecrets", () => {
  it.each([
    ["Invalid API Key provided: sk_live_123abc", "Invalid API Key provided: [redacted]"],
    ["key rk_test_9x9 expired", "key [redacted] expired"],
    ["secret whsec_ab+c/d= leaked", "secret [redacted] leaked"],
    ["Authorization was 'Bearer sk_test_123'.", "Authorization was '[redacted]'."],
    ["Authorization was 'Basic c2tfdGVzdF8xMjM6'.", "Authorization was '[redacted]'."],
    ["SK_LIVE_ABC and xsk_weird", "[redacted] and [redacted]"],
    ["No such payment_intent: 'pi_123'", "No such payment_intent: 'pi_123'"],
  ])("%s", (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });
});

describe("toPaymentError, over the wire through the real SDK", () => {
  it("maps stripe-mock's real 401 and removes the key it echoes back", async () => {
    const stripe = createStripeClient({
      secretKey: "sk_live_123",
      apiBase: stripeMock,
      maxNetworkRetries: 0,
    });
    const error = await stripe.accounts.retrieveCurrent().catch((caught: unknown) => caught);
    expect(String(error instanceof Error && error.message)).toContain("sk_live_123"); // Stripe's text has it...
    const mapped = toPaymentError(error);
    expect(mapped).toMatchObject({
      code: "authentication_failed",
      message: "Stripe did not accept the Secret key.",
      fix: expect.stringContaining("Double-check the API keys you entered"),
      retryable: false,
    });
    expect(mapped.detail).toContain("[redacted]");
    expect(JSON.stringify(mapped)).not.toMatch(KEY_MATERIAL); // ...ours does not.
  });

  it("maps a card decline with its decline code, for the person paying", async () => {
    answer("/v1/payment_intents", 402, {
      type: "card_error",
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
    const error = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(error).toMatchObject({
      code: "card_declined",
      declineCode: "insufficient_funds",
      stripeCode: "card_declined",
      message: "The card was declined: insufficient funds.",
      fix: expect.stringContaining("another card"),
      retryable: false,
      requestId: "req_recording_proxy",
    });
  });

  it("does not reveal fraud-related decline reasons", async () => {
    answer("/v1/payment_intents", 402, {
      type: "card_error",
      code: "card_declined",
      decline_code: "stolen_card",
    });
    const error = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(error).toMatchObject({
      code: "card_declined",
      message: "The card was declined.",
      declineCode: "stolen_card",
    });
  });

  it("tells an off-session charge that needs 3D Secure apart from a decline", async () => {
    answer("/v1/payment_intents", 402, { type: "card_error", code: "authentication_required" });
    const error = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(error.code).toBe("card_authentication_required");
  });

  it("names the PaymentIntent a failed off-session charge left, for the customer to complete it", async () => {
    proxy.intercept({ path: "/v1/payment_intents", respond: authenticationRequired("pi_3ds") });
    const needsBank = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(needsBank).toMatchObject({
      code: "card_authentication_required",
      paymentIntentId: "pi_3ds",
      paymentIntentStatus: "requires_payment_method",
    });
    proxy.intercept({ path: "/v1/payment_intents", respond: offSessionDeclined("pi_dec", "expired_card") });
    const declined = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(declined).toMatchObject({
      code: "card_declined",
      declineCode: "expired_card",
      paymentIntentId: "pi_dec",
      paymentIntentStatus: "requires_payment_method",
    });
  });

  it("names no PaymentIntent when the error carries none", async () => {
    answer("/v1/payment_intents", 402, { type: "card_error", code: "card_declined" });
    const error = await failureOf((s) => s.paymentIntents.create({ amount: 500, currency: "usd" }));
    expect(error).not.toHaveProperty("paymentIntentId");
    expect(error).not.toHaveProperty("paymentIntentStatus");
  });

  it.each([
    [
      403,
      { type: "invalid_request_error", message: "rk_live_abc lacks rak_charge_write" },
      "permission_denied",
      false,
    ],
    [429, { type: "rate_limit_error", message: "Too many requests" }, "rate_limited", true],
    [
      404,
      { type: "invalid_request_error", code: "resource_missing", message: "No such customer" },
      "not_found",
      false,
    ],
    [
      400,
      {
        type: "idempotency_error",
        message: "Keys for idempotent requests can only be used with the same parameters",
      },
      "idempotency_conflict",
      false,
    ],
    [
      400,
      {
        type: "invalid_request_error",
        code: "amount_too_small",
        message: "Amount must be at least 50 cents",
      },
      "amount_too_small",
      false,
    ],
    [
      400,
      { type: "invalid_request_error", code: "charge_already_refunded", message: "already refunded" },
      "already_refunded",
      false,
    ],
    [
      400,
      { type: "invalid_request_error", code: "account_invalid", message: "acct_1 is not connected" },
      "connected_account_unusable",
      false,
    ],
    [
      400,
      {
        type: "invalid_request_error",
        code: "parameter_unknown",
        message: "Received unknown parameter: sk_test_foo",
      },
      "invalid_request",
      false,
    ],
    [500, { type: "api_error", message: "Something went wrong on Stripe's end" }, "stripe_unavailable", true],
  ] as const)("maps HTTP %i %o to %s", async (status, body, code, retryable) => {
    answer("/v1/customers", status, body);
    const error = await failureOf((s) => s.customers.create({}));
    expect(error).toMatchObject({ code, retryable });
  });

  it("maps a real stripe-mock refusal of an unknown parameter to invalid_request", async () => {
    const error = await failureOf(
      (s) => s.customers.create({ email: "a@example.test", ...{ colour: "red" } }),
      stripeMock,
    );
    expect(error).toMatchObject({
      code: "invalid_request",
      detail: expect.stringContaining("additional properties"),
    });
  });

  it("maps an unreachable Stripe to a retryable stripe_unreachable", async () => {
    const error = await failureOf((s) => s.balance.retrieve(), "http://127.0.0.1:1");
    expect(error).toMatchObject({ code: "stripe_unreachable", retryable: true });
  });
});

describe("stripeCall and toPaymentError with non-Stripe errors", () => {
  it("lets programming errors through instead of hiding them as Stripe failures", async () => {
    await expect(stripeCall(() => Promise.reject(new TypeError("bug")))).rejects.toThrow(TypeError);
  });

  it("maps anything unknown to a generic error with no detail", () => {
    expect(toPaymentError(new Error("sk_live_123 broke"))).toEqual({
      code: "unexpected",
      message: expect.any(String),
      fix: expect.any(String),
      retryable: false,
    });
  });
});

describe("cardFailure (a failure Stripe reports without throwing)", () => {
  it("uses the decline code first, then the error code, in the catalogue's words", () => {
    expect(cardFailure({ code: "card_declined", declineCode: "expired_card" })).toMatchObject({
      code: "card_declined",
      declineCode: "expired_card",
      message: "The card has expired.",
    });
    expect(cardFailure({ code: "incorrect_cvc" })).toMatchObject({ declineCode: "incorrect_cvc" });
    // Issuer reasons that hint at fraud are never repeated to the person paying.
    expect(cardFailure({ declineCode: "stolen_card" }).message).toBe("The card was declined.");
  });

  it("tells a 3-D Secure request apart from a decline", () => {
    expect(cardFailure({ declineCode: "authentication_required" }).code).toBe("card_authentication_required");
  });
});
