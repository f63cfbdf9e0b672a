// Each customer user gets one Stripe customer on the business's (platform) account, made on first need.
import { findStripeCustomer, saveStripeCustomer } from "@fieldpay/db/repositories/stripe-customers";
import type { PaymentStrategy } from "@fieldpay/payments/strategy";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { Auth } from "../context.ts";
import type { PaymentDeps } from "./tenant-payments.ts";

export async function ensureStripeCustomer(
  deps: Pick<PaymentDeps, "db">,
  strategy: PaymentStrategy,
  auth: Auth,
) {
  const existing = await findStripeCustomer(deps.db, auth.tenant.id, auth.user.id);
  return existing ?? createStripeCustomer(deps, strategy, auth);
}

/** Makes the user's Stripe customer and stores it; for callers that already know there is none yet. */
export async function createStripeCustomer(
  deps: Pick<PaymentDeps, "db">,
  strategy: PaymentStrategy,
  auth: Auth,
) {
  // Keyed by our user id: two racing requests get the same Stripe customer back.
  const created = await strategy.createCustomer({
    tenantId: auth.tenant.id,
    customerId: auth.user.id,
    email: auth.user.email,
    name: auth.user.name,
  });
  if (!created.ok) throw fromPaymentError(created.error);
  return saveStripeCustomer(deps.db, {
    tenantId: auth.tenant.id,
    userId: auth.user.id,
    stripeCustomerId: created.customer.stripeCustomerId,
  });
}
