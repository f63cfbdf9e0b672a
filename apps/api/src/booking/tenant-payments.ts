// The business's Stripe strategy for the portal, and how payment problems reach the customer or admin.

import type { PaymentError } from "@fieldpay/payments/errors";
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

// Problems the person can fix by changing what they entered; everything else is a state to resolve first.
const INPUT_PROBLEMS: ReadonlySet<PaymentError["code"]> = new Set([
  "card_declined",
  "card_authentication_required",
  "invalid_input",
  "amount_too_small",
  "amount_too_large",
]);

/** A PaymentError as a DomainError: the same plain message and fix, never Stripe's raw text. */
export function fromPaymentError(error: PaymentError): DomainError {
  return new DomainError(
    INPUT_PROBLEMS.has(error.code) ? "invalid_input" : "conflict",
    error.message,
    error.fix,
  );
}
