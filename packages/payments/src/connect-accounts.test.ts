import { describe, expect, it } from "vitest";
import {
  createAccountLink,
  createConnectedAccount,
  createLoginLink,
  retrieveAccount,
} from "./connect-accounts.ts";
import { createStripeClient } from "./stripe-client.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const stripe = () =>
  createStripeClient({ secretKey: "sk_test_123", apiBase: proxy().url, maxNetworkRetries: 0 });
const input = { tenantId: "t1", fieldworkerId: "fw9", country: "US", email: "fw@example.test" };

const capabilities = {
  "capabilities[card_payments][requested]": "true",
  "capabilities[transfers][requested]": "true",
};

describe("createConnectedAccount", () => {
  it.each([
    [
      "express",
      {
        "controller[stripe_dashboard][type]": "express",
        "controller[fees][payer]": "application",
        "controller[losses][payments]": "application",
        "controller[requirement_collection]": "stripe",
        ...capabilities,
      },
    ],
    [
      "custom",
      {
        "controller[stripe_dashboard][type]": "none",
        "controller[fees][payer]": "application",
        "controller[losses][payments]": "application",
        "controller[requirement_collection]": "application",
        ...capabilities,
      },
    ],
    [
      "standard",
      {
        "controller[stripe_dashboard][type]": "full",
        "controller[fees][payer]": "account",
        "controller[losses][payments]": "stripe",
        "controller[requirement_collection]": "stripe",
      },
    ],
  ] as const)(
    "%s: controller properties (never the deprecated type) and the right capabilities",
    async (type, expected) => {
      const result = await createConnectedAccount(stripe(), { ...input, type }, "express");
      expect(result).toMatchObject({ ok: true, account: { id: expect.stringMatching(/^acct_/) } });
      const [request] = proxy().sent("POST", "/v1/accounts");
      expect(request?.form).toEqual({
        ...expected,
        country: "US",
        email: "fw@example.test",
        "metadata[tenant_id]": "t1",
        "metadata[fieldworker_id]": "fw9",
      });
      expect(request?.headers["idempotency-key"]).toBe("fieldpay:account:create:t1:fw9");
    },
  );

  it("uses the business's default account type when none is given", async () => {
    await createConnectedAccount(stripe(), input, "custom");
    expect(proxy().sent("POST", "/v1/accounts")[0]?.form["controller[stripe_dashboard][type]"]).toBe("none");
  });
});

describe("createAccountLink", () => {
  it("asks for Stripe-hosted onboarding with both return addresses and a key per attempt", async () => {
    const link = {
      accountId: "acct_fw1",
      attempt: 2,
      refreshUrl: "https://app.example.test/onboarding/refresh",
      returnUrl: "https://app.example.test/onboarding/return",
    };
    const result = await createAccountLink(stripe(), link);
    expect(result).toEqual({
      ok: true,
      url: expect.stringMatching(/^https:\/\//),
      expiresAt: expect.any(Number),
    });
    const [request] = proxy().sent("POST", "/v1/account_links");
    expect(request?.form).toEqual({
      account: "acct_fw1",
      type: "account_onboarding",
      refresh_url: link.refreshUrl,
      return_url: link.returnUrl,
    });
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:account_link:create:acct_fw1:2");
  });

  it("refuses relative addresses without calling Stripe", async () => {
    const result = await createAccountLink(stripe(), {
      accountId: "acct_fw1",
      attempt: 1,
      refreshUrl: "/onboarding/refresh",
      returnUrl: "https://app.example.test/onboarding/return",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(proxy().requests).toHaveLength(0);
  });
});

describe("createLoginLink", () => {
  it("refuses a non-Express account (stripe-mock's is Standard) with a typed error and no login link call", async () => {
    const result = await createLoginLink(stripe(), { accountId: "acct_fw1", attempt: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "login_link_not_available",
        message: "Only Express accounts have a Stripe Express dashboard login link.",
      },
    });
    expect(proxy().sent("GET", "/v1/accounts/acct_fw1")).toHaveLength(1);
    expect(proxy().sent("POST")).toHaveLength(0);
  });

  it("creates a login link for an Express account", async () => {
    proxy().intercept({
      method: "GET",
      path: "/v1/accounts/acct_fw1",
      patch: (account) => ({
        ...account,
        controller: { type: "application", stripe_dashboard: { type: "express" } },
      }),
    });
    const result = await createLoginLink(stripe(), { accountId: "acct_fw1", attempt: 4 });
    expect(result).toEqual({ ok: true, url: expect.stringMatching(/^https:\/\//) });
    const [request] = proxy().sent("POST", "/v1/accounts/acct_fw1/login_links");
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:login_link:create:acct_fw1:4");
  });
});

describe("retrieveAccount", () => {
  it("reports what onboarding still needs, straight from Stripe", async () => {
    proxy().intercept({
      method: "GET",
      path: "/v1/accounts/acct_fw1",
      patch: (account) => ({
        ...account,
        controller: { type: "application", stripe_dashboard: { type: "none" } },
        requirements: {
          currently_due: ["individual.verification.document"],
          eventually_due: ["individual.verification.document", "external_account"],
          past_due: [],
          pending_verification: [],
          disabled_reason: "requirements.past_due",
          current_deadline: 1_900_000_000,
        },
      }),
    });
    const result = await retrieveAccount(stripe(), { accountId: "acct_fw1" });
    expect(result).toMatchObject({
      ok: true,
      account: {
        id: "acct_fw1",
        type: "custom",
        chargesEnabled: false,
        detailsSubmitted: false,
        capabilities: { card_payments: "active", transfers: "active" },
        requirements: {
          currentlyDue: ["individual.verification.document"],
          eventuallyDue: ["individual.verification.document", "external_account"],
          pastDue: [],
          pendingVerification: [],
          disabledReason: "requirements.past_due",
          currentDeadline: 1_900_000_000,
        },
      },
    });
  });

  it("falls back to the legacy type for accounts made before controller properties", async () => {
    const result = await retrieveAccount(stripe(), { accountId: "acct_fw1" });
    expect(result.ok && result.account.type).toBe("standard");
  });

  it("reports an unknown account as not found", async () => {
    proxy().intercept({
      path: "/v1/accounts/acct_gone",
      respond: {
        status: 404,
        body: {
          error: { type: "invalid_request_error", code: "resource_missing", message: "No such account" },
        },
      },
    });
    const result = await retrieveAccount(stripe(), { accountId: "acct_gone" });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
