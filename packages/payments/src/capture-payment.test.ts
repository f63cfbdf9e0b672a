import { describe, expect, it } from "vitest";
import type { CapturePaymentInput } from "./strategy.ts";
import { directStripeAt, stripeConnectAt } from "./testing/strategies.ts";
import { cannotCapture } from "./testing/stripe-answers.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const direct = () => directStripeAt(proxy().url);
const connect = () => stripeConnectAt(proxy().url);

const usd = (amount: number) => ({ amount, currency: "usd" });
const capture: CapturePaymentInput = {
  tenantId: "t1",
  paymentIntentId: "pi_auth",
  onAccount: null,
  amount: usd(8000),
  applicationFee: null,
};

const captured = (amountReceived: number) =>
  proxy().intercept({
    method: "POST",
    path: /\/capture$/,
    patch: (body) => ({ ...body, status: "succeeded", amount_received: amountReceived }),
  });

describe("capturePayment (the authorize plan, after the job)", () => {
  it("captures what the job cost, with a key from the PaymentIntent, on the business's account", async () => {
    captured(8000);
    const result = await direct().capturePayment(capture);
    expect(result).toEqual({ ok: true, status: "succeeded", amountReceived: 8000 });
    const [request] = proxy().sent("POST", "/v1/payment_intents/pi_auth/capture");
    expect(request?.form).toEqual({ amount_to_capture: "8000" });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_intent:capture:t1:pi_auth");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("captures a Standard direct charge on the fieldworker's account, with the commission on what is captured", async () => {
    await connect().capturePayment({ ...capture, onAccount: "acct_std", applicationFee: usd(830) });
    const [request] = proxy().sent("POST", "/v1/payment_intents/pi_auth/capture");
    expect(request?.form).toEqual({ amount_to_capture: "8000", application_fee_amount: "830" });
    expect(request?.headers["stripe-account"]).toBe("acct_std");
  });

  it("sends no application fee for a zero commission", async () => {
    await connect().capturePayment({ ...capture, applicationFee: usd(0) });
    expect(proxy().sent("POST")[0]?.form).toEqual({ amount_to_capture: "8000" });
  });

  it("answers canceled, with nothing received, when the authorization lapsed", async () => {
    proxy().intercept({ method: "POST", path: /\/capture$/, respond: cannotCapture("pi_auth", "canceled") });
    expect(await connect().capturePayment(capture)).toEqual({
      ok: true,
      status: "canceled",
      amountReceived: 0,
    });
  });

  it("answers what a PaymentIntent captured before received, rather than an error", async () => {
    proxy().intercept({
      method: "POST",
      path: /\/capture$/,
      respond: cannotCapture("pi_auth", "succeeded", 8000),
    });
    expect(await direct().capturePayment(capture)).toEqual({
      ok: true,
      status: "succeeded",
      amountReceived: 8000,
    });
  });

  it("reports any other refusal as an error", async () => {
    proxy().intercept({
      method: "POST",
      path: /\/capture$/,
      respond: cannotCapture("pi_auth", "requires_payment_method"),
    });
    expect(await direct().capturePayment(capture)).toMatchObject({
      ok: false,
      error: { code: "invalid_request" },
    });
  });

  it.each([
    [direct, { applicationFee: usd(100) }, "wrong_mode"],
    [direct, { onAccount: "acct_std" }, "wrong_mode"],
    [connect, { amount: usd(0) }, "invalid_input"],
    [connect, { applicationFee: usd(8001) }, "invalid_input"],
    [connect, { applicationFee: { amount: 10, currency: "eur" } }, "invalid_input"],
    [connect, { amount: { amount: 8005, currency: "kwd" } }, "invalid_input"],
  ] as const)("refuses %#: %o without calling Stripe", async (strategy, change, code) => {
    const result = await strategy().capturePayment({ ...capture, ...change });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(proxy().requests).toHaveLength(0);
  });
});
