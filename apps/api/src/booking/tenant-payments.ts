// The business's Stripe strategy for the portal, or a plain "this business does not take card payments yet".
import { strategyForTenant } from "../business-stripe/strategy-for-tenant.ts";
import type { ApiDeps } from "../context.ts";
import { DomainError } from "../errors.ts";

export type PaymentDeps = Pick<ApiDeps, "db" | "secretBox" | "stripeApiBase" | "strategies">;

/** Said when the business has no payment settings yet. */
export function noCardPayments(): DomainError {
  return new DomainError(
    "conflict",
    "This business does not take card payments online yet.",
    "Contact the business to pay another way; its admin sets up payments under Settings > Financial Settings > Payment integration.",
  );
}

/** The strategy and settings, or a clear "this business does not take card payments yet". */
export async function requireStrategy(deps: PaymentDeps, tenantId: string) {
  const found = await strategyForTenant(deps, tenantId);
  if (!found) throw noCardPayments();
  return found;
}
