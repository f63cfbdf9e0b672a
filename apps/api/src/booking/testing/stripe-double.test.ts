// The Stripe double keeps Stripe's idempotency contract, since the api's retries rely on it: a key sent again
// with the same request gets the first answer, and a key reused for a different request is refused as Stripe
// refuses it (https://docs.stripe.com/api/idempotent_requests).
import { createStrategy } from "@fieldpay/payments/create-strategy";
import { describe, expect, it } from "vitest";
import { useStripeDouble } from "./stripe-double.ts";

const stripe = useStripeDouble();

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${stripe().proxy.url}${path}`, {
    method: "POST",
    headers: {
      authorization: "Bearer sk_test_fieldpayFake1234",
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
  });
}

const REUSED =
  "Keys for idempotent requests can only be used with the same parameters they were first used with.";

describe("the Stripe double's idempotency", () => {
  it("answers a key reused with different parameters with Stripe's idempotency_error, not the first answer", async () => {
    const key = { "idempotency-key": "fieldpay:test:reused" };
    const first = await post("/v1/customers", { email: "a@example.test" }, key);
    expect(first.status).toBe(200);
    const second = await post("/v1/customers", { email: "b@example.test" }, key);
    expect(second.status).toBe(400);
    const { error } = (await second.json()) as { error: { type: string; message: string } };
    expect(error.type).toBe("idempotency_error");
    expect(error.message.startsWith(REUSED)).toBe(true);
    expect(error.message).toContain("fieldpay:test:reused");
  });

  it("replays the first answer for the same parameters, in any order, and keeps keys apart per account", async () => {
    const key = { "idempotency-key": "fieldpay:test:same" };
    const first = await post("/v1/customers", { email: "a@example.test", name: "A" }, key);
    const again = await post("/v1/customers", { name: "A", email: "a@example.test" }, key);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
    const elsewhere = await post(
      "/v1/customers",
      { email: "b@example.test" },
      { ...key, "stripe-account": "acct_other" },
    );
    expect(elsewhere.status).toBe(200);
  });

  it("reaches the strategy as idempotency_conflict, and a forgotten key (after 24 hours) is free again", async () => {
    const strategy = createStrategy({
      mode: "direct",
      secretKey: "sk_test_fieldpayFake1234",
      apiBase: stripe().proxy.url,
      maxNetworkRetries: 0,
    });
    const pay = (amount: number) =>
      strategy.createBookingPayment({
        tenantId: "t1",
        bookingId: "b1",
        attempt: 1,
        amount: { amount, currency: "usd" },
      });
    expect((await pay(2000)).ok).toBe(true);
    expect(await pay(2000)).toMatchObject({ ok: true });
    expect(await pay(2500)).toMatchObject({ ok: false, error: { code: "idempotency_conflict" } });
    stripe().forgetKeys();
    expect((await pay(2500)).ok).toBe(true);
  });
});
