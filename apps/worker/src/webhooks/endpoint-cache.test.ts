// Kept signing secrets: a secret rotated while the old one is kept still verifies at once (one fresh read), and a
// forged signature is still refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliver, stripeEvent, useWorkerBusiness, WEBHOOK_SECRET } from "../testing/worker-test-kit.ts";
import { createEndpointCache } from "./endpoint-cache.ts";

let reads = 0;
const env = useWorkerBusiness((kit) => {
  const loadEndpoint = createEndpointCache(kit.t.db, kit.deps.secretBox, { ttlMs: 60_000 });
  return {
    ...kit.deps,
    loadEndpoint: (tenant, endpoint, options) => {
      reads += options?.fresh || reads === 0 ? 1 : 0;
      return loadEndpoint(tenant, endpoint, options);
    },
  };
});

const customer = () =>
  stripeEvent("customer.created", { id: `cus_${randomUUID().slice(0, 8)}`, object: "customer" });

describe("kept webhook secrets", () => {
  it("verify with the kept secret, pick up a rotated one at once, and still refuse a forged signature", async () => {
    expect((await deliver(env.worker, env.tenantId, customer())).status).toBe(200);
    expect((await deliver(env.worker, env.tenantId, customer())).status).toBe(200);
    expect(reads).toBe(1);

    const rotated = "whsec_fieldpayFakeNew4";
    await env.kit.t.db
      .updateTable("payment_settings")
      .set({
        webhook_secret_sealed: env.kit.deps.secretBox.seal(rotated, env.tenantId, "webhook_secret"),
        webhook_secret_previous_sealed: env.kit.deps.secretBox.seal(
          WEBHOOK_SECRET,
          env.tenantId,
          "webhook_secret_previous",
        ),
      })
      .where("tenant_id", "=", env.tenantId)
      .execute();
    expect((await deliver(env.worker, env.tenantId, customer(), { secret: rotated })).status).toBe(200);
    expect(reads).toBe(2);
    expect((await deliver(env.worker, env.tenantId, customer(), { secret: WEBHOOK_SECRET })).status).toBe(
      200,
    );

    const forged = await deliver(env.worker, env.tenantId, customer(), {
      secret: "whsec_fieldpayFakeForged5",
    });
    expect(forged).toMatchObject({ status: 400, body: { error: "bad_signature" } });
  });
});
