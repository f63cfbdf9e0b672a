import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, newBusiness, TEST_ORIGIN, testDeps } from "../testing/harness.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await listen(testDeps(t.db));
});
afterAll(async () => {
  await api.close();
  await t.drop();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("session cookie over HTTP", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and lets the browser stay signed in", async () => {
    const biz = await newBusiness(t.db);
    const res = await post(
      "auth.signIn",
      { email: biz.email, password: biz.password },
      { origin: TEST_ORIGIN },
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^fieldpay_session=[a-z0-9]+\.[a-z0-9]+; HttpOnly; SameSite=Lax; Path=\/; Expires=/,
    );
    expect(cookie).not.toContain("Secure"); // http://localhost in dev
    const token = cookie.split(";")[0]!;
    const me = await fetch(`${api.url}/trpc/auth.me`, { headers: { cookie: token } });
    expect(
      ((await me.json()) as { result: { data: { user: { email: string } } } }).result.data.user.email,
    ).toBe(biz.email);
  });

  it("clears a cookie whose session is gone and treats the request as signed out", async () => {
    const me = await fetch(`${api.url}/trpc/auth.me`, { headers: { cookie: "fieldpay_session=abc.def" } });
    expect(me.headers.get("set-cookie")).toMatch(/^fieldpay_session=; .*Max-Age=0/);
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });
});

describe("CSRF protection on mutations", () => {
  it.each([
    ["no Origin and no Sec-Fetch-Site", {}],
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
  ])("refuses a mutation with %s, and writes nothing", async (_label, headers) => {
    const before = await t.db
      .selectFrom("tenants")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const res = await post(
      "auth.signUpBusiness",
      {
        businessName: "Evil Co",
        slug: "evil-co",
        name: "E",
        email: "e@evil.test",
        password: "long enough pw",
      },
      headers,
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("cross-site request protection");
    const after = await t.db
      .selectFrom("tenants")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("accepts our own origin, and same-origin requests without Origin", async () => {
    const biz = await newBusiness(t.db);
    const byOrigin = await post(
      "auth.signIn",
      { email: biz.email, password: biz.password },
      { origin: TEST_ORIGIN },
    );
    const bySite = await post(
      "auth.signIn",
      { email: biz.email, password: biz.password },
      { "sec-fetch-site": "same-origin" },
    );
    expect([byOrigin.status, bySite.status]).toEqual([200, 200]);
  });
});

describe("errors over HTTP", () => {
  it("explain bad input per field and never include a stack trace", async () => {
    const res = await post("auth.signIn", { email: "nope", password: "" }, { origin: TEST_ORIGIN });
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(res.status).toBe(400);
    expect(body.error.message).toBe(
      "Enter a valid email address, like name@example.com. Enter your password.",
    );
    expect(body.error.data.fieldErrors).toEqual({
      email: ["Enter a valid email address, like name@example.com."],
      password: ["Enter your password."],
    });
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d+/);
  });

  it("carry the fix for domain errors", async () => {
    const res = await post(
      "auth.signIn",
      { email: "nobody@x.test", password: "whatever" },
      { origin: TEST_ORIGIN },
    );
    const body = (await res.json()) as { error: { message: string; data: { fix: string } } };
    expect(res.status).toBe(401);
    expect(body.error.message).toBe("That email and password don't match an account.");
    expect(body.error.data.fix).toBe("Check both and try again.");
  });
});
