import { describe, expect, it } from "vitest";
import { StripeConnect } from "./connect.ts";
import { createStrategy, type StrategySettings, strategyForSavedSettings } from "./create-strategy.ts";
import { DirectStripe } from "./direct.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();

describe("createStrategy", () => {
  it("picks DirectStripe for Stripe mode", () => {
    const strategy = createStrategy({ mode: "direct", secretKey: "sk_test_123" });
    expect(strategy).toBeInstanceOf(DirectStripe);
    expect(strategy.mode).toBe("direct");
  });

  it("picks StripeConnect for Connect mode, with the Connect-only operations", () => {
    const strategy = createStrategy({
      mode: "connect",
      secretKey: "sk_test_123",
      connectAccountType: "custom",
    });
    expect(strategy).toBeInstanceOf(StripeConnect);
    expect(strategy.mode === "connect" && typeof strategy.createAccountLink).toBe("function");
  });

  it("talks to the configured host with the configured key", async () => {
    const settings: StrategySettings = {
      mode: "connect",
      secretKey: "sk_test_abc",
      apiBase: proxy().url,
      connectAccountType: "custom",
      maxNetworkRetries: 0,
    };
    const strategy = createStrategy(settings);
    if (strategy.mode !== "connect") throw new Error("expected Connect");
    await strategy.createConnectedAccount({ tenantId: "t1", fieldworkerId: "fw1" });
    const [request] = proxy().sent("POST", "/v1/accounts");
    expect(request?.headers.authorization).toBe("Bearer sk_test_abc");
    // The business's chosen type applies when the call does not name one.
    expect(request?.form["controller[stripe_dashboard][type]"]).toBe("none");
  });

  it("refuses a mode it does not know (settings come from a database row)", () => {
    const row: StrategySettings = { mode: "direct", secretKey: "sk_test_123" };
    Object.assign(row, { mode: "paypal" });
    expect(() => createStrategy(row)).toThrow(/mode must be 'direct' or 'connect'/);
  });
});

describe("strategyForSavedSettings", () => {
  it("builds the saved mode's strategy, the account type reaching Stripe Connect only", () => {
    const saved = { secretKey: "sk_test_123", connectAccountType: "standard" } as const;
    expect(strategyForSavedSettings({ ...saved, mode: "direct" })).toBeInstanceOf(DirectStripe);
    expect(strategyForSavedSettings({ ...saved, mode: "connect" })).toBeInstanceOf(StripeConnect);
  });
});
