import { createStrategy } from "@fieldpay/payments/create-strategy";
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../booking/testing/stripe-double.ts";
import { requireConnect } from "../connect/connect-strategy.ts";
import { callerFor, newBusiness, newCustomer } from "../testing/harness.ts";
import { type BuiltStrategy, createStrategyCache, type StrategySource } from "./strategy-cache.ts";

const KEY_ONE = "sk_test_fieldpayFake1234";
const KEY_TWO = "sk_test_fieldpayFake9876";

describe("strategy cache", () => {
  const source = (over: Partial<StrategySource> = {}): StrategySource => ({
    tenant_id: "tenant-a",
    mode: "direct",
    secret_key_sealed: Buffer.from([1, 2, 3]),
    connect_account_type: "express",
    ...over,
  });
  const counting = () => {
    const built: BuiltStrategy[] = [];
    const build = () => {
      const strategy = createStrategy({ mode: "direct", secretKey: KEY_ONE, apiBase: undefined });
      built.push(strategy);
      return strategy;
    };
    return { built, build };
  };

  it("builds once while the settings stay the same, and again when any part they were built from changes", () => {
    const cache = createStrategyCache();
    const { built, build } = counting();
    const first = cache.strategyFor(source(), undefined, build);
    expect(cache.strategyFor(source(), undefined, build)).toBe(first);
    expect(built).toHaveLength(1);
    const changes: Partial<StrategySource>[] = [
      { secret_key_sealed: Buffer.from([1, 2, 4]) },
      { mode: "connect" },
      { connect_account_type: "standard" },
    ];
    for (const change of changes) {
      const next = cache.strategyFor(source(change), undefined, build);
      expect(next).not.toBe(first);
      // Back to the original row: rebuilt again, never an older entry brought back.
      expect(cache.strategyFor(source(), undefined, build)).not.toBe(next);
    }
    const current = cache.strategyFor(source(), undefined, build);
    expect(cache.strategyFor(source(), "http://localhost:1", build)).not.toBe(current);
    expect(built).toHaveLength(8);
  });

  it("never hands one business's strategy to another, even for identical settings bytes", () => {
    const cache = createStrategyCache();
    const { built, build } = counting();
    const a = cache.strategyFor(source({ tenant_id: "tenant-a" }), undefined, build);
    const b = cache.strategyFor(source({ tenant_id: "tenant-b" }), undefined, build);
    expect(b).not.toBe(a);
    expect(cache.strategyFor(source({ tenant_id: "tenant-a" }), undefined, build)).toBe(a);
    expect(cache.strategyFor(source({ tenant_id: "tenant-b" }), undefined, build)).toBe(b);
    expect(built).toHaveLength(2);
  });

  it("keeps at most maxTenants businesses, dropping the least recently used", () => {
    const cache = createStrategyCache({ maxTenants: 2 });
    const { built, build } = counting();
    const a = cache.strategyFor(source({ tenant_id: "a" }), undefined, build);
    cache.strategyFor(source({ tenant_id: "b" }), undefined, build);
    expect(cache.strategyFor(source({ tenant_id: "a" }), undefined, build)).toBe(a);
    cache.strategyFor(source({ tenant_id: "c" }), undefined, build); // drops b, used longest ago
    expect(cache.strategyFor(source({ tenant_id: "a" }), undefined, build)).toBe(a);
    expect(built).toHaveLength(3);
    cache.strategyFor(source({ tenant_id: "b" }), undefined, build);
    expect(built).toHaveLength(4);
  });

  it("a strategy that cannot be built leaves nothing behind", () => {
    const cache = createStrategyCache();
    const { built, build } = counting();
    cache.strategyFor(source(), undefined, build);
    const changed = source({ secret_key_sealed: Buffer.from([9]) });
    expect(() =>
      cache.strategyFor(changed, undefined, () => {
        throw new Error("stored secret is unreadable");
      }),
    ).toThrow("unreadable");
    expect(cache.strategyFor(source(), undefined, build)).not.toBe(built[0]);
  });
});

describe("paying with cached strategies", () => {
  const { stripe, t, deps } = useStripeDoubleDeps();

  async function shop(secretKey: string) {
    const biz = await newBusiness(t.db, "cache");
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct", secretKey });
    const admin = callerFor(deps, biz.auth).caller;
    const service = await admin.services.create({
      name: "Window clean",
      price: "30.00",
      durationMinutes: 60,
    });
    const customer = await newCustomer(t.db, biz.slug);
    const caller = callerFor(deps, customer.auth).caller;
    const pay = async () => {
      const startsAt = new Date(Date.now() + 86_400_000);
      const { id } = await caller.bookings.create({ serviceId: service.id, startsAt });
      stripe().proxy.reset();
      await caller.bookings.pay({ bookingId: id });
      const [intent] = stripe().proxy.sent("POST", "/v1/payment_intents");
      return intent?.headers.authorization;
    };
    return { biz, pay };
  }

  it("a new secret key saved in the settings is used on the very next pay", async () => {
    const { biz, pay } = await shop(KEY_ONE);
    expect(await pay()).toBe(`Bearer ${KEY_ONE}`);
    expect(await pay()).toBe(`Bearer ${KEY_ONE}`);
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct", secretKey: KEY_TWO });
    expect(await pay()).toBe(`Bearer ${KEY_TWO}`);
  });

  it("two businesses paying in turn each use their own key", async () => {
    const one = await shop(KEY_ONE);
    const two = await shop(KEY_TWO);
    expect([await one.pay(), await two.pay(), await one.pay(), await two.pay()]).toEqual([
      `Bearer ${KEY_ONE}`,
      `Bearer ${KEY_TWO}`,
      `Bearer ${KEY_ONE}`,
      `Bearer ${KEY_TWO}`,
    ]);
  });

  it("a switch between Stripe and Stripe Connect takes effect on the very next request", async () => {
    const { biz } = await shop(KEY_ONE);
    const tenantId = biz.auth.tenant.id;
    // Only the mode changes (the sealed key stays byte for byte), as a bare row update.
    const switchTo = (mode: "direct" | "connect") =>
      t.db.updateTable("payment_settings").set({ mode }).where("tenant_id", "=", tenantId).execute();
    const notConnect = /does not pay fieldworkers through Stripe Connect/;
    await expect(requireConnect(deps, tenantId)).rejects.toThrow(notConnect);
    await switchTo("connect");
    expect((await requireConnect(deps, tenantId)).strategy.mode).toBe("connect");
    await switchTo("direct");
    await expect(requireConnect(deps, tenantId)).rejects.toThrow(notConnect);
  });
});
