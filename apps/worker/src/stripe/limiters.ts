// One rate limiter per business and worker process, shared by every job that charges, captures or refunds for it
// at once: 2,000 after-job charges of one business share one budget (25 requests/s with test keys, 100/s live).
import type { KeyMode } from "@fieldpay/payments/keys";
import { createRateLimiter, type RateLimiter, stripeReleaseRate } from "@fieldpay/payments/rate-limit";

export interface StripeLimiters {
  /** The business's limiter; a key mode change (test to live) gets a limiter at the new rate. */
  forBusiness(tenantId: string, keyMode: KeyMode): RateLimiter;
}

/**
 * The limiters of this process. Burst 1 spaces requests evenly at the release rate (the budget spread over a
 * second plus the arrival jitter), so no one-second window at Stripe ever holds more than the budget; a larger
 * burst would let a window hold burst − 1 requests more, after an idle spell.
 */
export function createStripeLimiters(): StripeLimiters {
  const limiters = new Map<string, RateLimiter>();
  return {
    forBusiness(tenantId, keyMode) {
      const key = `${tenantId}:${keyMode}`;
      let limiter = limiters.get(key);
      if (limiter === undefined) {
        limiter = createRateLimiter({ ratePerSecond: stripeReleaseRate(keyMode), burst: 1 });
        limiters.set(key, limiter);
      }
      return limiter;
    },
  };
}
