// One business's Stripe access: the secret opened from the database reaches Stripe (stripe-mock, through the
// recording proxy), and the rate limit follows the key's mode (Stripe allows 25 requests/s in test, 100 live).
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { stripeReleaseRate } from "@fieldpay/payments/rate-limit";
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRET_KEY, seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { tenantStripe } from "./tenant-stripe.ts";

const proxy = useRecordingProxy();
let kit: WorkerTestKit;

beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url });
});
afterAll(async () => {
  await kit.t.drop();
});

async function access(keyMode: "test" | "live") {
  const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { keyMode });
  const settings = await findPaymentSettings(kit.t.db, tenantId);
  if (!settings) throw new Error("settings were not saved");
  return tenantStripe(settings, kit.deps.secretBox, proxy().url);
}

describe("tenantStripe", () => {
  it("limits requests to Stripe's rate for the key's mode", async () => {
    // Stripe's budget (25/s test, 100/s live) less room for arrival jitter: see stripeReleaseRate.
    expect((await access("test")).limiter.ratePerSecond).toBe(stripeReleaseRate("test"));
    expect((await access("live")).limiter.ratePerSecond).toBe(stripeReleaseRate("live"));
    expect(stripeReleaseRate("test")).toBeLessThan(25);
    expect(stripeReleaseRate("live")).toBeLessThan(100);
  });

  it("calls Stripe with the business's own key, pinned to our API version", async () => {
    const stripe = await access("test");
    proxy().reset();
    await stripe.call(() => stripe.stripe.balance.retrieve());
    const [request] = proxy().sent("GET", "/v1/balance");
    expect(request?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(request?.headers["stripe-version"]).toBe("2026-10-28.endive");
  });

  it("reads lists page by page and stops at the cap, saying the list was cut", async () => {
    const stripe = await access("test");
    let page = 0;
    proxy().intercept({
      path: "/v1/payouts",
      patch: (body) => {
        page += 1;
        const data = Array.isArray(body.data) ? body.data : [];
        return {
          ...body,
          has_more: true,
          data: data.map((p: Record<string, unknown>) => ({ ...p, id: `po_page${page}` })),
        };
      },
    });
    const listed = await stripe.listAll(
      (after) => stripe.stripe.payouts.list({ limit: 1, ...(after && { starting_after: after }) }),
      2,
    );
    expect(listed.items.map((p) => p.id)).toEqual(["po_page1", "po_page2"]);
    expect(listed.truncated).toBe(true);
    expect(
      proxy()
        .sent("GET", "/v1/payouts")
        .map((r) => r.query.starting_after),
    ).toEqual([undefined, "po_page1", "po_page2"]);
  });
});
