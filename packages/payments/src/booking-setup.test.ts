import { describe, expect, it } from "vitest";
import type { BookingSetupInput } from "./strategy.ts";
import { directStripeAt, stripeConnectAt } from "./testing/strategies.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const direct = () => directStripeAt(proxy().url);
const connect = () => stripeConnectAt(proxy().url);

const setup: BookingSetupInput = { tenantId: "t1", bookingId: "b42", attempt: 2, stripeCustomerId: "cus_1" };
const express = { accountId: "acct_exp", accountType: "express" } as const;
const standard = { accountId: "acct_std", accountType: "standard" } as const;

describe("createBookingSetup (the card-on-file plan)", () => {
  it("saves the card for off-session use on the business's account, with the booking in metadata", async () => {
    const result = await direct().createBookingSetup(setup);
    expect(result).toEqual({
      ok: true,
      setup: {
        setupIntentId: expect.stringMatching(/^seti_/),
        clientSecret: expect.any(String),
        onAccount: null,
        customerId: "cus_1",
      },
    });
    const [request] = proxy().sent("POST", "/v1/setup_intents");
    expect(request?.form).toEqual({
      customer: "cus_1",
      usage: "off_session",
      "automatic_payment_methods[enabled]": "true",
      "automatic_payment_methods[allow_redirects]": "never",
      "metadata[tenant_id]": "t1",
      "metadata[booking_id]": "b42",
      "metadata[attempt]": "2",
      "metadata[charge]": "card_on_file",
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:setup_intent:booking:t1:b42:2");
    expect(request?.headers["stripe-account"]).toBeUndefined();
  });

  it("keeps an Express fieldworker's customer's card on the platform", async () => {
    const result = await connect().createBookingSetup({ ...setup, connect: express });
    expect(result).toMatchObject({ ok: true, setup: { onAccount: null, customerId: "cus_1" } });
    expect(proxy().requests.map((r) => r.path)).toEqual(["/v1/setup_intents"]);
    expect(proxy().requests[0]?.form).toMatchObject({ "metadata[fieldworker_account]": "acct_exp" });
  });

  it("keeps a Standard fieldworker's customer's card on their account, for the customer's copy there", async () => {
    const result = await connect().createBookingSetup({ ...setup, connect: standard });
    if (!result.ok) throw new Error(result.error.message);
    const [copy, saving] = proxy().sent("POST");
    expect(copy?.path).toBe("/v1/customers");
    expect(copy?.headers["stripe-account"]).toBe("acct_std");
    expect(copy?.headers["idempotency-key"]).toBe("fieldpay:customer:on_account:t1:cus_1:acct_std");
    expect(saving?.path).toBe("/v1/setup_intents");
    expect(saving?.headers["stripe-account"]).toBe("acct_std");
    expect(saving?.form.customer).toMatch(/^cus_/);
    expect(saving?.form.customer).not.toBe("cus_1");
    expect(result.setup).toMatchObject({ onAccount: "acct_std", customerId: saving?.form.customer });
  });

  it("uses the customer's copy on a Standard account when there is one", async () => {
    await connect().createBookingSetup({ ...setup, connect: standard, connectedCustomerId: "cus_copy" });
    expect(proxy().requests.map((r) => r.path)).toEqual(["/v1/setup_intents"]);
    expect(proxy().requests[0]?.form.customer).toBe("cus_copy");
  });

  it.each([
    [direct, { connect: express }, "wrong_mode"],
    [connect, { connect: express, connectedCustomerId: "cus_copy" }, "invalid_input"],
    [connect, { attempt: -1 }, "invalid_input"],
  ] as const)("refuses %#: %o without calling Stripe", async (strategy, change, code) => {
    const result = await strategy().createBookingSetup({ ...setup, ...change });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(proxy().requests).toHaveLength(0);
  });
});

describe("retrieveSetup", () => {
  it("reads the SetupIntent where it lives and names the card it saved", async () => {
    proxy().intercept({
      method: "GET",
      path: /^\/v1\/setup_intents\//,
      patch: (body) => ({ ...body, status: "succeeded", payment_method: "pm_saved" }),
    });
    const result = await connect().retrieveSetup({ setupIntentId: "seti_1", onAccount: "acct_std" });
    expect(result).toMatchObject({ ok: true, setup: { status: "succeeded", paymentMethodId: "pm_saved" } });
    const [request] = proxy().sent("GET", "/v1/setup_intents/seti_1");
    expect(request?.headers["stripe-account"]).toBe("acct_std");
  });

  it("says no card yet while the customer has not finished", async () => {
    proxy().intercept({
      method: "GET",
      path: /^\/v1\/setup_intents\//,
      patch: (body) => ({ ...body, status: "requires_payment_method", payment_method: null }),
    });
    const result = await direct().retrieveSetup({ setupIntentId: "seti_1", onAccount: null });
    expect(result).toMatchObject({
      ok: true,
      setup: { status: "requires_payment_method", paymentMethodId: null },
    });
    expect(proxy().sent("GET")[0]?.headers["stripe-account"]).toBeUndefined();
  });
});
