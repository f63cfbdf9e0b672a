// The business's Stripe Connect strategy, or a plain "Connect is not switched on" for everything fieldworker-side.
import type { ConnectPaymentStrategy } from "@fieldpay/payments/strategy";
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
  return { settings: found.settings, strategy: found.strategy satisfies ConnectPaymentStrategy };
}
