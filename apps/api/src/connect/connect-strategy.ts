// The business's Stripe Connect strategy, or a plain "Connect is not switched on" for everything fieldworker-side.
import type { StripeConnect } from "@fieldpay/payments/connect";
import type { PaymentError } from "@fieldpay/payments/errors";
import { type StrategyDeps, strategyForTenant } from "../business-stripe/strategy-for-tenant.ts";
import { DomainError } from "../errors.ts";

export async function requireConnect(deps: StrategyDeps, tenantId: string) {
  const found = await strategyForTenant(deps, tenantId);
  if (found?.strategy.mode !== "connect") {
    throw new DomainError(
      "conflict",
      "This business does not pay fieldworkers through Stripe Connect yet.",
      "An admin switches it on under Settings > Financial Settings > Payment integration (Stripe Connect).",
    );
  }
  return { settings: found.settings, strategy: found.strategy satisfies StripeConnect };
}

/** Stripe's problem in our words (PaymentError already carries a plain message and a fix). */
export function fromStripe(error: PaymentError): DomainError {
  return new DomainError(
    error.code === "invalid_input" ? "invalid_input" : "conflict",
    error.message,
    error.fix,
  );
}
