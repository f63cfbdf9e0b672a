import type { AddressInfo } from "node:net";
import { createDb } from "@fieldpay/db/client";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiServer } from "./server.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function listen(server: ReturnType<typeof createApiServer>) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

describe("api over HTTP", () => {
  it("answers /healthz 200 with the database and Stripe reachable", async () => {
    const api = await listen(
      createApiServer({ deps: { db: t.db, stripeApiBase: inject("stripeApiBase") }, allowedOrigins: [] }),
    );
    const res = await fetch(`${api.url}/healthz`);
    const body = (await res.json()) as Record<string, unknown>;
    await api.close();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, service: "api", database: { ok: true }, stripe: { ok: true } });
  });

  it("answers /healthz 503 with the reason when PostgreSQL is down", async () => {
    const dead = createDb({ url: "postgres://postgres:postgres@127.0.0.1:1/none", max: 1 });
    const api = await listen(
      createApiServer({ deps: { db: dead, stripeApiBase: inject("stripeApiBase") }, allowedOrigins: [] }),
    );
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
    const api = await listen(
      createApiServer({ deps: { db: t.db, stripeApiBase: inject("stripeApiBase") }, allowedOrigins: [] }),
    );
    const res = await fetch(`${api.url}/trpc/system.status`);
    const body = (await res.json()) as Record<string, unknown>;
    await api.close();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      result: { data: { ok: true, database: { ok: true }, stripe: { ok: true } } },
    });
  });
});
