import { describe, expect, it } from "vitest";
import { parseRelayEnv } from "./env.ts";

const base = {
  DATABASE_URL: "postgres://postgres:postgres@127.0.0.1:54329/fieldpay",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("the dev relay's environment", () => {
  it("runs in front of a stripe-mock on this machine", () => {
    const env = parseRelayEnv({ ...base, STRIPE_API_BASE: "http://localhost:12111" });
    expect(env).toMatchObject({ WORKER_URL: "http://localhost:3001", DEV_RELAY_PORT: 3002 });
  });

  it("refuses to start with the real Stripe API or any Stripe elsewhere", () => {
    expect(parseRelayEnv(base)).toEqual({ error: expect.stringMatching(/^STRIPE_API_BASE /) });
    expect(parseRelayEnv({ ...base, STRIPE_API_BASE: "https://api.stripe.com" })).toEqual({
      error:
        "STRIPE_API_BASE must be a stripe-mock on this machine: the dev relay never runs with the real Stripe API",
    });
  });
});
