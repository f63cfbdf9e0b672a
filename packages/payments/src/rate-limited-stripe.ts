// One business's Stripe access for a job: a client pinned to our API version, and one rate limiter that every
// call of the job goes through (25 requests/s with test keys, 100/s live). The caller opens the key.
import type Stripe from "stripe";
import type { KeyMode } from "./keys.ts";
import { collectAll, createRateLimiter, type RateLimiter, stripeReleaseRate } from "./rate-limit.ts";
import { createStripeClient } from "./stripe-client.ts";

export interface TenantStripe {
  stripe: Stripe;
  limiter: RateLimiter;
  /** Runs one Stripe request once the rate limit allows it. */
  call<T>(request: () => Promise<T>): Promise<T>;
  /** Every item of a list, page after page (each page one rate-limited request), up to `max`. */
  listAll<T extends { id: string }>(
    page: (startingAfter: string | undefined) => Promise<Stripe.ApiList<T>>,
    max: number,
  ): Promise<{ items: T[]; truncated: boolean }>;
}

export function rateLimitedStripe(input: {
  secretKey: string;
  keyMode: KeyMode;
  apiBase: string | undefined;
}): TenantStripe {
  const stripe = createStripeClient({ secretKey: input.secretKey, apiBase: input.apiBase });
  const limiter = createRateLimiter({ ratePerSecond: stripeReleaseRate(input.keyMode) });
  const call = async <T>(request: () => Promise<T>) => {
    await limiter.acquire();
    return request();
  };
  async function* pages<T extends { id: string }>(
    page: (startingAfter: string | undefined) => Promise<Stripe.ApiList<T>>,
  ): AsyncGenerator<T> {
    let startingAfter: string | undefined;
    for (;;) {
      const list = await call(() => page(startingAfter));
      yield* list.data;
      const last = list.data.at(-1);
      // stripe-mock answers every page alike; a repeated cursor would loop for ever.
      if (!list.has_more || last === undefined || last.id === startingAfter) return;
      startingAfter = last.id;
    }
  }
  return {
    stripe,
    limiter,
    call,
    listAll: (page, max) => collectAll(pages(page), { max }),
  };
}
