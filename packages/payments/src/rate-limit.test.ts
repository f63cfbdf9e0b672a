import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import {
  ARRIVAL_JITTER_MS,
  type Clock,
  collectAll,
  createRateLimiter,
  mapWithLimit,
  STRIPE_REQUESTS_PER_SECOND,
  stripeReleaseRate,
  systemClock,
} from "./rate-limit.ts";
import { createStripeClient } from "./stripe-client.ts";

/**
 * Virtual time: sleeping registers a timer, and `run` jumps the clock from timer to timer (in order) until the
 * work settles. Rates are then measured exactly, with no real waiting and nothing timing-dependent.
 */
function virtualTime() {
  let time = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const clock: Clock = {
    now: () => time,
    sleep: (ms) => new Promise<void>((wake) => timers.push({ at: time + ms, wake })),
  };
  async function run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      // setImmediate runs after every pending promise callback, so the work has done all it can at this time.
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return work;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error("work is stuck with no timer pending");
      time = Math.max(time, next.at);
      next.wake();
    }
  }
  return { clock, run, sleep: clock.sleep };
}

/** The most start times falling in any one-second window [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    // A millionth of a millisecond absorbs float rounding in rates such as 1000/3 ms per call.
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= 1000 - 1e-6) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("createRateLimiter", () => {
  it("never lets more than Stripe's test-mode 25 calls into any second, yet does not dawdle", async () => {
    const { clock, run } = virtualTime();
    const limiter = createRateLimiter({ ratePerSecond: STRIPE_REQUESTS_PER_SECOND.test, clock });
    const starts: number[] = [];
    await run(
      Promise.all(Array.from({ length: 200 }, () => limiter.acquire().then(() => starts.push(clock.now())))),
    );
    expect(starts).toHaveLength(200);
    expect(busiestSecond(starts)).toBe(25);
    // Evenly spaced at 40 ms: the 200th call starts at 199 * 40 ms.
    expect(Math.max(...starts)).toBe(199 * 40);
  });

  it("keeps to rate + burst - 1 per second for any rate, burst and arrival pattern", async () => {
    const arrivals = fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 150 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 5 }),
        arrivals,
        async (rate, burst, at) => {
          const { clock, run, sleep } = virtualTime();
          const limiter = createRateLimiter({ ratePerSecond: rate, burst, clock });
          const starts: number[] = [];
          const calls = at.map((ms) =>
            sleep(ms).then(() => limiter.acquire().then(() => starts.push(clock.now()))),
          );
          await run(Promise.all(calls));
          expect(starts).toHaveLength(at.length);
          expect(busiestSecond(starts)).toBeLessThanOrEqual(rate + burst - 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("lets a burst through at once after a quiet spell, then spaces calls again", async () => {
    const { clock, run, sleep } = virtualTime();
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 3, clock });
    const starts: number[] = [];
    await run(
      sleep(5000).then(() =>
        Promise.all(Array.from({ length: 5 }, () => limiter.acquire().then(() => starts.push(clock.now())))),
      ),
    );
    expect(starts).toEqual([5000, 5000, 5000, 5100, 5200]);
  });

  it("refuses nonsense settings", () => {
    expect(() => createRateLimiter({ ratePerSecond: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ ratePerSecond: Number.NaN })).toThrow(RangeError);
    expect(() => createRateLimiter({ ratePerSecond: 5, burst: 0 })).toThrow(RangeError);
  });
});

describe("mapWithLimit", () => {
  it("keeps order, never exceeds the concurrency, and starts no faster than the rate", async () => {
    const { clock, run, sleep } = virtualTime();
    let running = 0;
    let mostRunning = 0;
    const starts: number[] = [];
    const items = Array.from({ length: 60 }, (_, i) => i);
    const results = await run(
      mapWithLimit(items, { concurrency: 4, ratePerSecond: 25, clock }, async (item) => {
        starts.push(clock.now());
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        // Slow calls so that the concurrency, not only the rate, is what holds them back at times.
        await sleep(item % 3 === 0 ? 400 : 10);
        running -= 1;
        return item * 2;
      }),
    );
    expect(results).toEqual(items.map((i) => i * 2));
    expect(mostRunning).toBe(4);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(25);
  });

  it("stops starting new calls after a failure and throws the first error", async () => {
    const { clock, run, sleep } = virtualTime();
    const started: number[] = [];
    const work = mapWithLimit([0, 1, 2, 3, 4, 5, 6, 7], { concurrency: 2, clock }, async (item) => {
      started.push(item);
      await sleep(10);
      if (item === 2) throw new Error("item 2 failed");
      if (item === 3) throw new Error("item 3 failed");
      return item;
    });
    await expect(run(work)).rejects.toThrow("item 2 failed");
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("can share one limiter between several maps so that together they keep to the rate", async () => {
    const { clock, run } = virtualTime();
    const limiter = createRateLimiter({ ratePerSecond: 10, clock });
    const starts: number[] = [];
    const record = async () => starts.push(clock.now());
    const items = Array.from({ length: 30 }, (_, i) => i);
    await run(
      Promise.all([
        mapWithLimit(items, { concurrency: 5, limiter }, record),
        mapWithLimit(items, { concurrency: 5, limiter }, record),
      ]),
    );
    expect(starts).toHaveLength(60);
    expect(busiestSecond(starts)).toBe(10);
  });

  it("handles no items and refuses a concurrency below 1", async () => {
    await expect(mapWithLimit([], { concurrency: 3 }, async () => 1)).resolves.toEqual([]);
    await expect(mapWithLimit([1], { concurrency: 0 }, async () => 1)).rejects.toThrow(RangeError);
  });

  it("retrieves payouts from stripe-mock in order with the real clock", async () => {
    const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });
    const ids = ["po_a", "po_b", "po_c", "po_d", "po_e", "po_f"];
    const payouts = await mapWithLimit(
      ids,
      { concurrency: 3, ratePerSecond: 100, clock: systemClock },
      (id) => stripe.payouts.retrieve(id),
    );
    expect(payouts.map((payout) => payout.id)).toEqual(ids);
  });
});

describe("collectAll", () => {
  it("drains a Stripe list from stripe-mock", async () => {
    const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });
    const { items, truncated } = await collectAll(stripe.payouts.list({ limit: 100 }), { max: 1000 });
    expect(truncated).toBe(false);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((payout) => payout.object === "payout")).toBe(true);
  });

  it("stops at max and says the list was cut, reading only one item past it", async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield pulled;
      }
    }
    expect(await collectAll(endless(), { max: 5 })).toEqual({ items: [1, 2, 3, 4, 5], truncated: true });
    expect(pulled).toBe(6);
    async function* three() {
      yield* [1, 2, 3];
    }
    expect(await collectAll(three(), { max: 3 })).toEqual({ items: [1, 2, 3], truncated: false });
    expect(await collectAll(three(), { max: 0 })).toEqual({ items: [], truncated: true });
    await expect(collectAll(three(), { max: -1 })).rejects.toThrow(RangeError);
  });
});

describe("stripeReleaseRate", () => {
  it("keeps every window of one second plus the jitter allowance within Stripe's budget", () => {
    for (const mode of ["test", "live"] as const) {
      const rate = stripeReleaseRate(mode);
      expect(rate).toBeLessThan(STRIPE_REQUESTS_PER_SECOND[mode]);
      expect(rate / STRIPE_REQUESTS_PER_SECOND[mode]).toBeGreaterThan(0.9);
      // Evenly spaced releases: how many fit in 1000 ms + jitter.
      expect(Math.floor(((1000 + ARRIVAL_JITTER_MS) * rate) / 1000)).toBeLessThanOrEqual(
        STRIPE_REQUESTS_PER_SECOND[mode],
      );
    }
  });
});

describe("createRateLimiter when the event loop stalls", () => {
  it("releases one call when it resumes, not every call that fell due meanwhile", async () => {
    const { clock, run } = virtualTime();
    // The third sleep wakes 500 ms late, as timers do when the process is busy.
    let sleeps = 0;
    const laggy: Clock = { now: clock.now, sleep: (ms) => clock.sleep(++sleeps === 3 ? ms + 500 : ms) };
    const limiter = createRateLimiter({ ratePerSecond: 25, clock: laggy });
    const starts: number[] = [];
    await run(
      Promise.all(Array.from({ length: 100 }, () => limiter.acquire().then(() => starts.push(clock.now())))),
    );
    expect(starts).toHaveLength(100);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(25);
    const sorted = [...starts].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40 - 1e-6);
  });
});
