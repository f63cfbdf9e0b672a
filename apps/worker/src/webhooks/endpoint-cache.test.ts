// Kept signing secrets: a secret rotated while the old one is kept still verifies at once (one fresh read), and a
// forged signature is still refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliver, stripeEvent, useWorkerBusiness, WEBHOOK_SECRET } from "../testing/worker-test-kit.ts";
import { createEndpointCache, loadEndpointUncached } from "./endpoint-cache.ts";

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

  it("shares one read among requests that miss at the same moment", async () => {
    const box = env.kit.deps.secretBox;
    let loads = 0;
    const uncached = loadEndpointUncached(env.kit.t.db, box);
    const cache = createEndpointCache(env.kit.t.db, box, {
      ttlMs: 60_000,
      load: (tenant, endpoint) => {
        loads += 1;
        return uncached(tenant, endpoint);
      },
    });
    const kept = await Promise.all(Array.from({ length: 20 }, () => cache(env.tenantId, "account")));
    expect(kept.every((r) => r?.secrets.includes(WEBHOOK_SECRET))).toBe(true);
    expect(loads).toBe(1);
    const fresh = await Promise.all(
      Array.from({ length: 20 }, () => cache(env.tenantId, "account", { fresh: true })),
    );
    expect(fresh.every((r) => r?.fresh === true)).toBe(true);
    expect(loads).toBe(2);
    // Within its lifetime the entry is kept: no read at all.
    await cache(env.tenantId, "account");
    expect(loads).toBe(2);
  });
});
