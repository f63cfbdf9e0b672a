export const REAL_STRIPE_API_BASE = "https://api.stripe.com";

export type StripeReachability =
  | { ok: true; base: string; latencyMs: number }
  | { ok: false; base: string; reason: string };

/**
 * Whether the Stripe API (or stripe-mock) answers HTTP at all. No key is sent: any HTTP answer, even 401, means
 * the host is reachable; keys are checked per tenant elsewhere.
 */
export async function checkStripeReachable(
  apiBase: string | undefined,
  timeoutMs = 2000,
): Promise<StripeReachability> {
  const base = apiBase ?? REAL_STRIPE_API_BASE;
  const started = performance.now();
  try {
    await fetch(new URL("/v1/balance", base), { signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true, base, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : "connection refused or DNS failure";
    return { ok: false, base, reason: `Stripe API at ${base} is not reachable: ${reason}` };
  }
}
