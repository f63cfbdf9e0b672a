// The business's Stripe strategy for the portal, and how payment problems reach the customer or admin.

import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { createStrategy } from "@fieldpay/payments/create-strategy";
import type { PaymentError } from "@fieldpay/payments/errors";
import type { ApiDeps } from "../context.ts";
import { DomainError } from "../errors.ts";

export type PaymentDeps = Pick<ApiDeps, "db" | "secretBox" | "stripeApiBase">;

// Stand-in until apps/api/src/payments/strategy-for-tenant.ts (the Connect helper's) lands.
async function strategyForTenant(deps: PaymentDeps, tenantId: string) {
  const settings = await findPaymentSettings(deps.db, tenantId);
  if (!settings) return null;
  const secretKey = deps.secretBox.open(settings.secret_key_sealed, tenantId, "stripe_secret_key");
  const strategy =
    settings.mode === "connect"
      ? createStrategy({
          mode: "connect",
          secretKey,
          apiBase: deps.stripeApiBase,
          connectAccountType: settings.connect_account_type,
        })
      : createStrategy({ mode: "direct", secretKey, apiBase: deps.stripeApiBase });
  return { settings, strategy };
}

/** The strategy and settings, or a clear "this business does not take card payments yet". */
export async function requireStrategy(deps: PaymentDeps, tenantId: string) {
  const found = await strategyForTenant(deps, tenantId);
  if (!found) {
    throw new DomainError(
      "conflict",
      "This business does not take card payments online yet.",
      "Contact the business to pay another way; its admin sets up payments under Settings > Financial Settings > Payment integration.",
    );
  }
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
