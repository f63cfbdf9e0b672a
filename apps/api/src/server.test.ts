import { createDb } from "@fieldpay/db/client";
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { listen, newBusiness, testDeps } from "./testing/harness.ts";

const t = useTestDatabase();

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

  it("refuses a body over 1 MB with 413 in tRPC's error shape, and reads a normal one", async () => {
    const biz = await newBusiness(t.db);
    const api = await listen(testDeps(t.db));
    const post = (body: string) =>
      fetch(`${api.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:5173" },
        body,
      });
    const huge = await post(JSON.stringify({ email: "a@b.test", password: "x".repeat(1_100_000) }));
    const hugeBody = (await huge.json()) as { error: { message: string; data: { code: string } } };
    const normal = await post(JSON.stringify({ email: biz.email, password: biz.password }));
    const normalBody = (await normal.json()) as { result: { data: unknown } };
    await api.close();
    expect(huge.status).toBe(413);
    expect(hugeBody.error).toMatchObject({
      message: "This request is too large.",
      data: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(normal.status).toBe(200);
    expect(normalBody.result.data).toEqual({ signedIn: true });
    expect(normal.headers.get("set-cookie")).toMatch(/^fieldpay_session=/);
  });

  it("answers a batch of queries (as the web client sends them) in one response, in order", async () => {
    const api = await listen(testDeps(t.db));
    const input = encodeURIComponent("{}"); // both take no input, which the client leaves out
    const res = await fetch(`${api.url}/trpc/auth.me,system.status?batch=1&input=${input}`);
    const body = (await res.json()) as { result: { data: unknown } }[];
    await api.close();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toMatchObject([{ result: { data: null } }, { result: { data: { ok: true } } }]);
  });

  it("a mutation asked for with GET is refused with 405, and a failure inside is a 500 without details", async () => {
    const dead = createDb({ url: "postgres://postgres:postgres@127.0.0.1:1/none", max: 1 });
    const api = await listen(testDeps(dead));
    const viaGet = await fetch(`${api.url}/trpc/auth.signOut`);
    // With a session cookie, the session check needs PostgreSQL, which is down.
    const broken = await fetch(`${api.url}/trpc/auth.me`, {
      headers: { cookie: "fieldpay_session=abc.def" },
    });
    const text = await broken.text();
    await api.close();
    await dead.destroy();
    expect(viaGet.status).toBe(405);
    expect(broken.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        message: "Something went wrong on our side. Try again; if it keeps happening, contact support.",
      },
    });
    expect(text).not.toMatch(/at .*\.ts:\d+|127\.0\.0\.1|ECONNREFUSED/);
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
