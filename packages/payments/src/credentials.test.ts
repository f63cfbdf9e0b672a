import { describe, expect, inject, it } from "vitest";
import { validateCredentials } from "./credentials.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const connection = () => ({ apiBase: proxy().url, maxNetworkRetries: 0 });

describe("validateCredentials", () => {
  it("checks the format first and sends nothing to Stripe when it is wrong", async () => {
    const result = await validateCredentials(
      { publishableKey: "sk_test_123", secretKey: "sk_test_123" },
      connection(),
    );
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "invalid_credentials",
        field: "publishableKey",
        message: "This looks like a Secret key in the Publishable key field.",
      }),
    });
    expect(proxy().requests).toHaveLength(0);
  });

  it("reads the account and the balance's livemode with the new secret key", async () => {
    const result = await validateCredentials(
      { publishableKey: "pk_test_123", secretKey: "sk_test_abcd1234" },
      connection(),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report).toEqual({
      account: {
        id: expect.stringMatching(/^acct_/),
        country: "US",
        defaultCurrency: "usd",
        chargesEnabled: false,
        payoutsEnabled: expect.any(Boolean),
        detailsSubmitted: false,
      },
      mode: "test",
      secretKind: "secret",
      maskedSecretKey: "sk_test_…1234",
      warnings: expect.arrayContaining([
        "These are test keys: no real card will be charged.",
        expect.stringContaining("has not enabled card payments"),
      ]),
    });
    expect(
      proxy()
        .requests.map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(["GET /v1/account", "GET /v1/balance"]);
    for (const request of proxy().requests)
      expect(request.headers.authorization).toBe("Bearer sk_test_abcd1234");
  });

  it("refuses keys whose mode Stripe does not confirm", async () => {
    proxy().intercept({ path: "/v1/balance", patch: (balance) => ({ ...balance, livemode: true }) });
    const result = await validateCredentials(
      { publishableKey: "pk_test_123", secretKey: "sk_test_123" },
      connection(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "livemode_mismatch", field: "secretKey" } });
  });

  it("points at the Secret key field when Stripe rejects the key, without echoing it", async () => {
    // stripe-mock itself refuses live keys with a 401 whose message repeats the Authorization header.
    const result = await validateCredentials(
      { publishableKey: "pk_live_123", secretKey: "sk_live_123" },
      { apiBase: inject("stripeApiBase"), maxNetworkRetries: 0 },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "authentication_failed",
        field: "secretKey",
        fix: expect.stringContaining("Double-check the API keys you entered"),
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/sk_|rk_|whsec_/);
  });

  it("explains a restricted key that may not read the account", async () => {
    proxy().intercept({
      path: "/v1/account",
      respond: {
        status: 403,
        body: { error: { type: "invalid_request_error", message: "rk_test_123 lacks permission" } },
      },
    });
    const result = await validateCredentials(
      { publishableKey: "pk_test_123", secretKey: "rk_test_123" },
      connection(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "permission_denied" } });
    expect(JSON.stringify(result)).not.toMatch(/sk_|rk_|whsec_/);
  });

  it("warns that a restricted key needs write access", async () => {
    const result = await validateCredentials(
      { publishableKey: "pk_test_123", secretKey: "rk_test_123" },
      connection(),
    );
    expect(result.ok && result.report.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining("This is a restricted key")]),
    );
  });
});
