import { describe, expect, it } from "vitest";
import {
  createCustomer,
  createSetupIntent,
  detachPaymentMethod,
  listPaymentMethods,
  retrieveCustomer,
} from "./customers.ts";
import { createStripeClient } from "./stripe-client.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const stripe = () =>
  createStripeClient({ secretKey: "sk_test_123", apiBase: proxy().url, maxNetworkRetries: 0 });

describe("customers on the business's account", () => {
  it("creates a customer with our ids in metadata and an idempotency key from them", async () => {
    const result = await createCustomer(stripe(), {
      tenantId: "t1",
      customerId: "c1",
      email: "jo@example.test",
      name: "Jo Client",
    });
    expect(result).toMatchObject({
      ok: true,
      customer: { stripeCustomerId: expect.stringMatching(/^cus_/) },
    });
    const [request] = proxy().sent("POST", "/v1/customers");
    expect(request?.form).toEqual({
      email: "jo@example.test",
      name: "Jo Client",
      "metadata[tenant_id]": "t1",
      "metadata[customer_id]": "c1",
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:customer:create:t1:c1");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("retrieves a customer, and reports a deleted one as not found", async () => {
    const found = await retrieveCustomer(stripe(), { stripeCustomerId: "cus_1" });
    expect(found).toMatchObject({ ok: true, customer: { stripeCustomerId: "cus_1" } });
    expect(proxy().sent("GET", "/v1/customers/cus_1")).toHaveLength(1);

    proxy().intercept({
      path: "/v1/customers/cus_2",
      respond: { status: 200, body: { id: "cus_2", object: "customer", deleted: true } },
    });
    const deleted = await retrieveCustomer(stripe(), { stripeCustomerId: "cus_2" });
    expect(deleted).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "This customer was deleted in Stripe." },
    });
  });
});

describe("saving and removing cards", () => {
  it("creates an off-session SetupIntent and hands back its client secret", async () => {
    const result = await createSetupIntent(stripe(), {
      tenantId: "t1",
      customerId: "c1",
      stripeCustomerId: "cus_1",
      attempt: 3,
    });
    expect(result).toMatchObject({
      ok: true,
      setupIntentId: expect.stringMatching(/^seti_/),
      clientSecret: expect.stringContaining("_secret_"),
    });
    const [request] = proxy().sent("POST", "/v1/setup_intents");
    expect(request?.form).toEqual({
      customer: "cus_1",
      usage: "off_session",
      "automatic_payment_methods[enabled]": "true",
      "automatic_payment_methods[allow_redirects]": "never",
      "metadata[tenant_id]": "t1",
      "metadata[customer_id]": "c1",
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:setup_intent:create:t1:c1:3");
  });

  it("lists the customer's cards", async () => {
    const result = await listPaymentMethods(stripe(), { stripeCustomerId: "cus_1" });
    expect(result).toEqual({
      ok: true,
      cards: [
        {
          paymentMethodId: expect.stringMatching(/^pm_/),
          brand: "visa",
          last4: "4242",
          expMonth: expect.any(Number),
          expYear: expect.any(Number),
        },
      ],
    });
    const [request] = proxy().sent("GET", "/v1/customers/cus_1/payment_methods");
    expect(request?.query).toEqual({ type: "card", limit: "100" });
  });

  it("refuses to detach a card that is not the customer's, without sending the detach", async () => {
    // stripe-mock's payment method belongs to no customer.
    const result = await detachPaymentMethod(stripe(), {
      stripeCustomerId: "cus_1",
      paymentMethodId: "pm_1",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(proxy().sent("POST")).toHaveLength(0);
  });

  it("detaches the customer's own card with an idempotency key", async () => {
    proxy().intercept({
      method: "GET",
      path: "/v1/payment_methods/pm_1",
      patch: (method) => ({ ...method, customer: "cus_1" }),
    });
    const result = await detachPaymentMethod(stripe(), {
      stripeCustomerId: "cus_1",
      paymentMethodId: "pm_1",
    });
    expect(result).toEqual({ ok: true, paymentMethodId: "pm_1" });
    const [request] = proxy().sent("POST", "/v1/payment_methods/pm_1/detach");
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_method:detach:pm_1");
  });
});
