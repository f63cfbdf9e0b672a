import { describe, expect, it } from "vitest";
import { directStripeAt, stripeConnectAt } from "./testing/strategies.ts";
import { cannotCancel } from "./testing/stripe-answers.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const direct = () => directStripeAt(proxy().url);
const connect = () => stripeConnectAt(proxy().url);

describe("cancelPayment (a replaced attempt)", () => {
  it("cancels the PaymentIntent with a key derived from it, so a retry cancels once", async () => {
    const result = await direct().cancelPayment({
      tenantId: "t1",
      paymentIntentId: "pi_old",
      onAccount: null,
    });
    expect(result).toEqual({ ok: true, status: "canceled" });
    const [request] = proxy().sent("POST", "/v1/payment_intents/pi_old/cancel");
    expect(request?.form).toEqual({ cancellation_reason: "abandoned" });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_intent:cancel:t1:pi_old");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("cancels on the fieldworker's own account for a Standard direct charge", async () => {
    await connect().cancelPayment({ tenantId: "t1", paymentIntentId: "pi_std", onAccount: "acct_std" });
    const [request] = proxy().sent("POST", "/v1/payment_intents/pi_std/cancel");
    expect(request?.headers["stripe-account"]).toBe("acct_std");
  });

  it("answers the status of a PaymentIntent that can no longer be cancelled, such as one that succeeded", async () => {
    proxy().intercept({
      method: "POST",
      path: "/v1/payment_intents/pi_paid/cancel",
      respond: cannotCancel("pi_paid", "succeeded"),
    });
    const result = await direct().cancelPayment({
      tenantId: "t1",
      paymentIntentId: "pi_paid",
      onAccount: null,
    });
    expect(result).toEqual({ ok: true, status: "succeeded" });
  });

  it("reports any other refusal as an error", async () => {
    proxy().intercept({
      method: "POST",
      path: "/v1/payment_intents/pi_gone/cancel",
      respond: {
        status: 404,
        body: {
          error: {
            type: "invalid_request_error",
            code: "resource_missing",
            message: "No such payment_intent",
          },
        },
      },
    });
    const result = await direct().cancelPayment({
      tenantId: "t1",
      paymentIntentId: "pi_gone",
      onAccount: null,
    });
    expect(result.ok).toBe(false);
  });
});
