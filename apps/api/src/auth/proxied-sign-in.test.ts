// The per-address sign-in limit over real HTTP, with and without a trusted reverse proxy in front (TRUSTED_PROXIES).
// The test's requests come from 127.0.0.1: it plays the proxy when 127.0.0.1 is trusted, a client when it is not.
import { randomUUID } from "node:crypto";
import { recordFailedAttempt } from "@fieldpay/db/repositories/auth-attempts";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, TEST_ORIGIN, testDeps } from "../testing/harness.ts";
import { trustedProxies } from "./client-address.ts";
import { MAX_FAILURES_PER_ADDRESS } from "./rate-limit.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** A failed sign-in (an account that does not exist, a new one each time so only the address limit counts). */
async function signInAs(url: string, forwardedFor?: string) {
  const res = await fetch(`${url}/trpc/auth.signIn`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: TEST_ORIGIN,
      ...(forwardedFor !== undefined && { "x-forwarded-for": forwardedFor }),
    },
    body: JSON.stringify({ email: `nobody-${randomUUID().slice(0, 8)}@example.test`, password: "wrong" }),
  });
  return res.status;
}

async function lockOut(address: string) {
  for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) await recordFailedAttempt(t.db, "address", address);
}

async function failuresUnder(address: string) {
  const rows = await t.db.selectFrom("auth_attempts").select("id").where("key", "=", address).execute();
  return rows.length;
}

describe("without a trusted proxy", () => {
  it("counts the peer and ignores X-Forwarded-For, so a locked-out client cannot claim another address", async () => {
    // Named proxies that are not this peer change nothing either.
    for (const trusted of [undefined, trustedProxies("10.0.0.0/8")]) {
      const api = await listen({ ...testDeps(t.db), ...(trusted && { trustedProxies: trusted }) });
      try {
        await t.db.deleteFrom("auth_attempts").execute();
        expect(await signInAs(api.url, "198.51.100.20")).toBe(401);
        expect(await failuresUnder("127.0.0.1")).toBe(1);
        expect(await failuresUnder("198.51.100.20")).toBe(0);
        await lockOut("127.0.0.1");
        expect(await signInAs(api.url, "198.51.100.21")).toBe(429);
        expect(await signInAs(api.url, "198.51.100.22, 203.0.113.5")).toBe(429);
      } finally {
        await api.close();
      }
    }
  });
});

describe("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)", () => {
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    api = await listen({ ...testDeps(t.db), trustedProxies: trustedProxies("127.0.0.1") });
  });
  afterAll(() => api.close());

  it("counts each client by X-Forwarded-For: one locked-out client does not lock out the others", async () => {
    await t.db.deleteFrom("auth_attempts").execute();
    await lockOut("203.0.113.7");
    expect(await signInAs(api.url, "203.0.113.7")).toBe(429);
    expect(await signInAs(api.url, "203.0.113.8")).toBe(401);
    expect(await failuresUnder("203.0.113.8")).toBe(1);
    expect(await failuresUnder("127.0.0.1")).toBe(0);
  });

  it("takes the right-most hop the proxy wrote: what the client put in front is ignored", async () => {
    await t.db.deleteFrom("auth_attempts").execute();
    await lockOut("203.0.113.7");
    // The locked-out client sends "X-Forwarded-For: 198.51.100.9"; the proxy appends the address it saw.
    expect(await signInAs(api.url, "198.51.100.9, 203.0.113.7")).toBe(429);
    expect(await signInAs(api.url, "198.51.100.9, 203.0.113.10")).toBe(401);
    expect(await failuresUnder("203.0.113.10")).toBe(1);
    expect(await failuresUnder("198.51.100.9")).toBe(0);
  });

  it("without the header counts the proxy itself (a request that did not come through it)", async () => {
    await t.db.deleteFrom("auth_attempts").execute();
    expect(await signInAs(api.url)).toBe(401);
    expect(await failuresUnder("127.0.0.1")).toBe(1);
  });
});
