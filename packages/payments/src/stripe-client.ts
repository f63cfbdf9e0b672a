import Stripe from "stripe";

/** The API version every request is pinned to; the SDK and our fixtures are written against it. */
export const STRIPE_API_VERSION = "2026-10-28.endive";

export interface StripeClientConfig {
  secretKey: string;
  /** e.g. http://localhost:12111 for stripe-mock; unset means the real Stripe API. */
  apiBase?: string | undefined;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/** The one place a Stripe client is made: pinned version, configurable host, retries and a timeout. */
export function createStripeClient(config: StripeClientConfig): Stripe {
  const base = config.apiBase ? new URL(config.apiBase) : null;
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: config.maxNetworkRetries ?? 2,
    timeout: config.timeoutMs ?? 20_000,
    telemetry: false,
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
}
