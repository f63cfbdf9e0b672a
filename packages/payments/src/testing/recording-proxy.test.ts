import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createStripeClient } from "../stripe-client.ts";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";

const stripeMock = inject("stripeApiBase");
let proxy: RecordingProxy;

beforeAll(async () => {
  proxy = await startRecordingProxy(stripeMock);
});
afterAll(() => proxy.close());
beforeEach(() => proxy.reset());

describe("recording proxy", () => {
  it("forwards to stripe-mock and records method, path, form body and headers", async () => {
    const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: proxy.url });
    const customer = await stripe.customers.create(
      { email: "a@example.test", metadata: { tenant_id: "t1" } },
      { idempotencyKey: "key-1", stripeAccount: "acct_123" },
    );
    expect(customer.object).toBe("customer");
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/customers",
      form: { email: "a@example.test", "metadata[tenant_id]": "t1" },
      headers: { "idempotency-key": "key-1", "stripe-account": "acct_123" },
    });
  });

  it("passes stripe-mock's refusals through (unknown parameters fail)", async () => {
    const response = await fetch(`${proxy.url}/v1/customers`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_123", "content-type": "application/x-www-form-urlencoded" },
      body: "not_a_parameter=1",
    });
    expect(response.status).toBe(400);
  });

  it("can replace or patch stripe-mock's answer for states it cannot be in", async () => {
    proxy.intercept({
      method: "GET",
      path: /^\/v1\/accounts\//,
      patch: (body) => ({ ...body, type: "express" }),
    });
    proxy.intercept({
      path: "/v1/balance",
      respond: { status: 429, body: { error: { type: "rate_limit_error" } } },
    });
    const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: proxy.url, maxNetworkRetries: 0 });
    expect((await stripe.accounts.retrieve("acct_1")).type).toBe("express");
    await expect(stripe.balance.retrieve()).rejects.toMatchObject({ type: "StripeRateLimitError" });
  });
});
