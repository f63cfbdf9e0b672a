import { describe, expect, inject, it } from "vitest";
import { checkStripeReachable } from "./reachability.ts";
import { createStripeClient, STRIPE_API_VERSION } from "./stripe-client.ts";

const apiBase = inject("stripeApiBase");

describe("createStripeClient", () => {
  it("talks to the configured host (stripe-mock) with the pinned API version", async () => {
    const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase });
    const account = await stripe.accounts.retrieveCurrent();
    expect(account.object).toBe("account");
    expect(stripe.getApiField("version")).toBe(STRIPE_API_VERSION);
  });
});

describe("checkStripeReachable", () => {
  it("says stripe-mock is reachable", async () => {
    expect(await checkStripeReachable(apiBase)).toMatchObject({ ok: true, base: apiBase });
  });

  it("explains an unreachable host", async () => {
    const result = await checkStripeReachable("http://127.0.0.1:1");
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not reachable/) });
  });
});
