// One limiter per business and key mode in a process: every job of a business waits for the same budget.
import { stripeReleaseRate } from "@fieldpay/payments/rate-limit";
import { describe, expect, it } from "vitest";
import { createStripeLimiters } from "./limiters.ts";

describe("the worker's Stripe limiters", () => {
  it("are shared by a business's jobs, separate per business, at the key mode's release rate", () => {
    const limiters = createStripeLimiters();
    const a = limiters.forBusiness("tenant-a", "test");
    expect(limiters.forBusiness("tenant-a", "test")).toBe(a);
    expect(limiters.forBusiness("tenant-b", "test")).not.toBe(a);
    expect(a.ratePerSecond).toBe(stripeReleaseRate("test"));
    // 25/s spread over a second plus the arrival jitter: evenly spaced, no one-second window holds more than 25.
    expect(Math.ceil(a.ratePerSecond)).toBeLessThanOrEqual(25);
    expect(limiters.forBusiness("tenant-a", "live").ratePerSecond).toBe(stripeReleaseRate("live"));
  });

  it("space a business's calls evenly: 26 calls take at least a second", async () => {
    const limiter = createStripeLimiters().forBusiness("tenant-c", "test");
    const started = performance.now();
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 26 }, () => limiter.acquire().then(() => at.push(performance.now()))),
    );
    expect((at.at(-1) ?? 0) - started).toBeGreaterThanOrEqual(1000);
  });
});
