import type { KeyMode } from "./keys.ts";

/** Stripe's documented request budget per account and second. */
export const STRIPE_REQUESTS_PER_SECOND: Readonly<Record<KeyMode, number>> = { test: 25, live: 100 };

/**
 * How late a request may reach Stripe after the limiter released it (event-loop stalls, sockets, GC). Requests
 * released evenly over 1000 + this many ms can then never land more than the budget in any one second at Stripe.
 */
export const ARRIVAL_JITTER_MS = 40;

/** The release rate for a Stripe key: its budget, spread over a second plus the arrival jitter (~96%). */
export function stripeReleaseRate(mode: KeyMode): number {
  return (STRIPE_REQUESTS_PER_SECOND[mode] * 1000) / (1000 + ARRIVAL_JITTER_MS);
}

/** Time source for limiters: milliseconds from any monotonic origin, and a way to wait. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  // Node may fire a timer up to a millisecond before performance.now() says the delay is over; the limiter checks
  // the clock again when it wakes (and sleeps the rest), so rounding up is all that is needed here.
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(ms))),
});

export interface RateLimiterOptions {
  ratePerSecond: number;
  /**
   * Calls allowed back to back before spacing starts. With the default 1, calls are spaced evenly and no
   * one-second window ever holds more than `ratePerSecond` of them; a burst of b allows up to b - 1 more.
   */
  burst?: number;
  clock?: Clock;
}

export interface RateLimiter {
  readonly ratePerSecond: number;
  /** Resolves when the caller may start one call. Waiting callers are served in the order they asked. */
  acquire(): Promise<void>;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * A token bucket whose callers take turns: each waits for the one before it, then for a token measured against
 * the clock as it is when it wakes. A stalled event loop therefore releases at most `burst` calls at once when it
 * resumes, never the whole queue that was due meanwhile (which put 28 requests into one second at a 25/s limit).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { ratePerSecond } = options;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  const burst = options.burst ?? 1;
  assertPositiveInteger("burst", burst);
  const clock = options.clock ?? systemClock;
  const msPerToken = 1000 / ratePerSecond;
  let tokens = burst;
  let refilledAt = clock.now();
  let turns: Promise<void> = Promise.resolve();

  const take = async () => {
    for (;;) {
      const now = clock.now();
      tokens = Math.min(burst, tokens + (now - refilledAt) / msPerToken);
      refilledAt = now;
      // A billionth of a token absorbs float rounding, so an exact wake-up is not followed by a needless sleep.
      if (tokens >= 1 - 1e-9) {
        tokens = Math.max(0, tokens - 1);
        return;
      }
      await clock.sleep((1 - tokens) * msPerToken);
    }
  };

  return {
    ratePerSecond,
    acquire() {
      const turn = turns.then(take);
      turns = turn;
      return turn;
    },
  };
}

export interface MapWithLimitOptions {
  /** Most calls of `fn` running at once. */
  concurrency: number;
  /** Starts per second; ignored when `limiter` is given. */
  ratePerSecond?: number;
  /** A limiter shared with other work on the same Stripe key, so that together they stay within its budget. */
  limiter?: RateLimiter;
  clock?: Clock;
}

/**
 * Maps `items` through `fn` with at most `concurrency` calls in flight and, if asked, a start rate. Results keep
 * the order of `items`. After the first failure no new call starts; the ones running are awaited, then the
 * first error is thrown. Catch inside `fn` to carry on past failures.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  options: MapWithLimitOptions,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  assertPositiveInteger("concurrency", options.concurrency);
  const limiter =
    options.limiter ??
    (options.ratePerSecond === undefined
      ? null
      : createRateLimiter({
          ratePerSecond: options.ratePerSecond,
          ...(options.clock && { clock: options.clock }),
        }));
  const results = new Array<R>(items.length);
  // One iterator shared by every lane hands out each index exactly once.
  const pending = items.entries();
  const errors: unknown[] = [];

  const lane = async () => {
    for (const [index, item] of pending) {
      await limiter?.acquire();
      // Checked after the wait: another lane may have failed meanwhile.
      if (errors.length > 0) return;
      try {
        results[index] = await fn(item, index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
  return results;
}

export interface Collected<T> {
  items: T[];
  /** True when the list had more than `max` items: the caller is looking at a prefix. */
  truncated: boolean;
}

/**
 * Drains a Stripe list (`stripe.payouts.list({ limit: 100 })` is an async iterable that fetches page after page)
 * up to `max` items, so that a huge account cannot make a job run for ever.
 */
export async function collectAll<T>(list: AsyncIterable<T>, options: { max: number }): Promise<Collected<T>> {
  if (!Number.isInteger(options.max) || options.max < 0) {
    throw new RangeError(`max must be a non-negative integer, got ${options.max}`);
  }
  const items: T[] = [];
  for await (const item of list) {
    // Reading one item past max is what tells a list of exactly max items from a longer one.
    if (items.length === options.max) return { items, truncated: true };
    items.push(item);
  }
  return { items, truncated: false };
}
