import { createDb } from "@fieldpay/db/client";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, testDeps } from "./testing/harness.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("api over HTTP", () => {
  it("answers /healthz 200 with the database and Stripe reachable", async () => {
    const api = await listen(testDeps(t.db));
    const res = await fetch(`${api.url}/healthz`);
    const body = (await res.json()) as Record<string, unknown>;
    await api.close();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, service: "api", database: { ok: true }, stripe: { ok: true } });
  });

  it("answers /healthz 503 with the reason when PostgreSQL is down", async () => {
    const dead = createDb({ url: "postgres://postgres:postgres@127.0.0.1:1/none", max: 1 });
    const api = await listen(testDeps(dead));
    const res = await fetch(`${api.url}/healthz`);
    const body = (await res.json()) as Record<string, unknown>;
    await api.close();
    await dead.destroy();
    expect(res.status).toBe(503);
    expect(body.database).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/PostgreSQL is not reachable/),
    });
  });

  it("serves the typed status query at /trpc", async () => {
    const api = await listen(testDeps(t.db));
    const res = await fetch(`${api.url}/trpc/system.status`);
    const body = (await res.json()) as Record<string, unknown>;
    await api.close();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      result: { data: { ok: true, database: { ok: true }, stripe: { ok: true } } },
    });
  });

  it("answers unknown paths with 404 and no stack trace", async () => {
    const api = await listen(testDeps(t.db));
    const res = await fetch(`${api.url}/trpc/nope.nothing`);
    const text = await res.text();
    await api.close();
    expect(res.status).toBe(404);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
