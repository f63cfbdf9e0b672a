// One business's Stripe access for a job: its key opened from the database, a client pinned to our API version,
// and one rate limiter that every call of the job goes through (25 requests/s with test keys, 100/s live).
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import {
  collectAll,
  createRateLimiter,
  type RateLimiter,
  stripeReleaseRate,
} from "@fieldpay/payments/rate-limit";
import { createStripeClient } from "@fieldpay/payments/stripe-client";
import type Stripe from "stripe";

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

export function tenantStripe(
  settings: PaymentSettingsRow,
  box: SecretBox,
  apiBase: string | undefined,
): TenantStripe {
  const secretKey = box.open(settings.secret_key_sealed, settings.tenant_id, "stripe_secret_key");
  const stripe = createStripeClient({ secretKey, apiBase });
  const limiter = createRateLimiter({ ratePerSecond: stripeReleaseRate(settings.key_mode) });
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
