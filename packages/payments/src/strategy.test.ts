import { describe, expect, it } from "vitest";
import { StripeConnect } from "./connect.ts";
import { DirectStripe } from "./direct.ts";
import type { ConnectPaymentStrategy, DirectPaymentStrategy } from "./strategy.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const connection = () => ({ secretKey: "sk_test_123", apiBase: proxy().url, maxNetworkRetries: 0 });

// The same contract, run against both implementations of PaymentStrategy.
const strategies: Array<[string, () => DirectPaymentStrategy | ConnectPaymentStrategy]> = [
  ["DirectStripe", () => new DirectStripe({ mode: "direct", ...connection() })],
  [
    "StripeConnect",
    () => new StripeConnect({ mode: "connect", connectAccountType: "express", ...connection() }),
  ],
];

describe.each(strategies)("%s keeps the PaymentStrategy contract", (_name, make) => {
  it("keeps customers and saved cards on the business's own account", async () => {
    const strategy = make();
    const customer = await strategy.createCustomer({
      tenantId: "t1",
      customerId: "c1",
      email: "c@example.test",
    });
    const setup = await strategy.createSetupIntent({
      tenantId: "t1",
      customerId: "c1",
      stripeCustomerId: "cus_1",
      attempt: 0,
    });
    const cards = await strategy.listPaymentMethods({ stripeCustomerId: "cus_1" });
    expect([customer.ok, setup.ok, cards.ok]).toEqual([true, true, true]);
    for (const request of proxy().requests) expect(request.headers["stripe-account"]).toBeUndefined();
  });

  it("sends every POST with a deterministic fieldpay idempotency key", async () => {
    const strategy = make();
    const connect =
      strategy.mode === "connect"
        ? { accountId: "acct_fw1", accountType: "express" as const, fee: { basisPoints: 1000 } }
        : undefined;
    const refundConnect =
      strategy.mode === "connect"
        ? {
            accountId: "acct_fw1",
            accountType: "express" as const,
            refundApplicationFee: true,
            reverseTransfer: true,
          }
        : undefined;
    await strategy.createCustomer({ tenantId: "t1", customerId: "c1" });
    await strategy.createSetupIntent({
      tenantId: "t1",
      customerId: "c1",
      stripeCustomerId: "cus_1",
      attempt: 0,
    });
    await strategy.createBookingPayment({
      tenantId: "t1",
      bookingId: "b1",
      attempt: 0,
      amount: { amount: 2000, currency: "usd" },
      ...(connect && { connect }),
    });
    await strategy.refund({
      tenantId: "t1",
      bookingId: "b1",
      refundId: "r1",
      paymentIntentId: "pi_1",
      charged: { amount: 2000, currency: "usd" },
      ...(refundConnect && { connect: refundConnect }),
    });
    if (strategy.mode === "connect") {
      await strategy.createConnectedAccount({ tenantId: "t1", fieldworkerId: "fw1" });
      await strategy.createAccountLink({
        accountId: "acct_fw1",
        attempt: 0,
        refreshUrl: "https://app.example.test/r",
        returnUrl: "https://app.example.test/d",
      });
    }
    const posts = proxy().sent("POST");
    expect(posts.length).toBe(strategy.mode === "connect" ? 6 : 4);
    for (const post of posts) expect(post.headers["idempotency-key"]).toMatch(/^fieldpay:[a-z_]+:[a-z]+:/);
  });

  it("validates credentials the same way", async () => {
    const result = await make().validateCredentials({
      publishableKey: "pk_live_123",
      secretKey: "sk_test_123",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_credentials", field: "secretKey" } });
    expect(proxy().requests).toHaveLength(0);
  });
});

describe("mode", () => {
  it("tells the two strategies apart", () => {
    expect(strategies.map(([, make]) => make().mode === "connect")).toEqual([false, true]);
  });
});
