// Saved cards: a SetupIntent per opened save-card form, listed and removed through the business's account.
import { nextSetupAttempt } from "@fieldpay/db/repositories/stripe-customers";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { Auth } from "../context.ts";
import { DomainError } from "../errors.ts";
import { ensureStripeCustomer } from "./stripe-customer.ts";
import { type PaymentDeps, requireStrategy } from "./tenant-payments.ts";

export async function startSavingCard(deps: PaymentDeps, auth: Auth) {
  const { settings, strategy } = await requireStrategy(deps, auth.tenant.id);
  const customer = await ensureStripeCustomer(deps, strategy, auth);
  const attempt = await nextSetupAttempt(deps.db, auth.tenant.id, auth.user.id);
  if (attempt === null) throw new Error("the stripe customer row vanished while saving a card");
  const created = await strategy.createSetupIntent({
    tenantId: auth.tenant.id,
    customerId: auth.user.id,
    stripeCustomerId: customer.stripe_customer_id,
    attempt,
  });
  if (!created.ok) throw fromPaymentError(created.error);
  return { clientSecret: created.clientSecret, publishableKey: settings.publishable_key };
}

export async function listSavedCards(deps: PaymentDeps, auth: Auth) {
  const { strategy } = await requireStrategy(deps, auth.tenant.id);
  const customer = await ensureStripeCustomer(deps, strategy, auth);
  const listed = await strategy.listPaymentMethods({ stripeCustomerId: customer.stripe_customer_id });
  if (!listed.ok) throw fromPaymentError(listed.error);
  return listed.cards;
}

export async function removeSavedCard(deps: PaymentDeps, auth: Auth, paymentMethodId: string) {
  const { strategy } = await requireStrategy(deps, auth.tenant.id);
  const customer = await ensureStripeCustomer(deps, strategy, auth);
  // The strategy checks the card really is this customer's before detaching it.
  const removed = await strategy.detachPaymentMethod({
    stripeCustomerId: customer.stripe_customer_id,
    paymentMethodId,
  });
  if (!removed.ok) {
    if (removed.error.code === "not_found") {
      throw new DomainError(
        "not_found",
        "This card is not saved on your account.",
        "Reload your saved cards.",
      );
    }
    throw fromPaymentError(removed.error);
  }
  return { paymentMethodId: removed.paymentMethodId };
}
