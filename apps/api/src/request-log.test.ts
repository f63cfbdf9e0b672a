// What the api logs while it answers over HTTP: each request has its own id (also in the response's x-request-id),
// carried by every line logged while handling it, and a failure's cause is logged with any key material redacted.
import { createDb } from "@fieldpay/db/client";
import { useTestDatabase } from "@fieldpay/db/testing";
import { captureLog } from "@fieldpay/payments/testing/log-capture";
import { describe, expect, it } from "vitest";
import { listen, newBusiness, TEST_ORIGIN, testDeps } from "./testing/harness.ts";

const t = useTestDatabase();
// PostgreSQL names the role it refuses in its error, so a secret-shaped role name lands in the failure's cause.
const ROLE = "sk_live_fieldpayLogTest1234";

describe("the api's log over HTTP", () => {
  it("logs a failure's cause redacted, under the id of the request it failed in, a distinct id per request", async () => {
    const url = new URL(t.url);
    url.username = ROLE;
    const refused = createDb({ url: url.toString(), max: 1 });
    const captured = captureLog("api");
    const api = await listen({ ...testDeps(refused), log: captured.log });
    // With a session cookie, auth.me checks the session in PostgreSQL, which refuses the role.
    const ask = () => fetch(`${api.url}/trpc/auth.me`, { headers: { cookie: "fieldpay_session=abc.def" } });
    const [first, second] = [await ask(), await ask()];
    await api.close();
    await refused.destroy();

    expect([first.status, second.status]).toEqual([500, 500]);
    const ids = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    const lines = captured.lines();
    expect(lines.map((line) => line.reqId)).toEqual(ids);
    for (const line of lines) {
      expect(line).toMatchObject({ level: "error", app: "api", path: "auth.me", msg: "auth.me failed" });
      expect(line.err).toMatchObject({ message: expect.stringContaining("[redacted]") });
    }
    expect(captured.raw.join("")).not.toMatch(/sk_live|fieldpayLogTest/);
    const body = await first.text();
    expect(body).not.toMatch(/sk_live|fieldpayLogTest/);
  });

  it("a procedure's own lines carry the id of its request", async () => {
    const biz = await newBusiness(t.db, "log-reset");
    const captured = captureLog("api");
    const api = await listen({
      ...testDeps(t.db),
      log: captured.log,
    });
    const res = await fetch(`${api.url}/trpc/auth.requestPasswordReset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN },
      body: JSON.stringify({ email: biz.email }),
    });
    await api.close();

    expect(res.status).toBe(200);
    expect(captured.lines()).toEqual([
      expect.objectContaining({
        reqId: res.headers.get("x-request-id"),
        msg: "[mail] password reset email queued",
        userId: biz.auth.user.id,
      }),
    ]);
  });
});
