import type { AddressInfo } from "node:net";
import { createSecretBox } from "@fieldpay/db/secret-box";
import { useTestDatabase } from "@fieldpay/db/testing";
import { quietLog } from "@fieldpay/payments/testing/log-capture";
import { describe, expect, inject, it } from "vitest";
import { createWorkerServer } from "./server.ts";
import { createStripeLimiters } from "./stripe/limiters.ts";

const t = useTestDatabase();

async function healthz(stripeApiBase: string) {
  const server = createWorkerServer({
    db: t.db,
    stripeApiBase,
    secretBox: createSecretBox({ 1: Buffer.alloc(32, 1) }, 1),
    webhookBaseUrl: "https://hooks.fieldpay.test",
    stripeLimiters: createStripeLimiters(),
    webOrigin: "https://app.fieldpay.test",
    now: () => new Date(),
    log: quietLog("worker"),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  const body = (await res.json()) as Record<string, unknown>;
  await new Promise((r) => server.close(r));
  return { status: res.status, body };
}

describe("worker /healthz", () => {
  it("is 200 when PostgreSQL and stripe-mock answer", async () => {
    const { status, body } = await healthz(inject("stripeApiBase"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, service: "worker", database: { ok: true }, stripe: { ok: true } });
  });

  it("is 503 with the reason when Stripe is unreachable", async () => {
    const { status, body } = await healthz("http://127.0.0.1:1");
    expect(status).toBe(503);
    expect(body.stripe).toMatchObject({ ok: false, reason: expect.stringMatching(/not reachable/) });
  });
});
