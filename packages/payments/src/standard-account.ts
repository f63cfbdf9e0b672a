import type Stripe from "stripe";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import type { BookingPaymentInput } from "./strategy.ts";

// A Standard fieldworker is charged directly on their own Stripe account, where the business's customers and saved
// cards (which live on the platform) mean nothing. A card saved for later on such a booking is kept on the
// fieldworker's account, for a copy of the customer made there.

/**
 * The platform customer's copy on a connected account. The key is the pair, so a retry within Stripe's 24 hours
 * makes one copy; callers keep the id it answers (BookingPayment.customerId) and pass it back later.
 */
export function customerOnAccount(
  stripe: Stripe,
  input: { tenantId: string; stripeCustomerId: string; accountId: string },
): Promise<Outcome<{ customerId: string }>> {
  return stripeCall(async () => {
    const customer = await stripe.customers.create(
      { metadata: { tenant_id: input.tenantId, platform_customer: input.stripeCustomerId } },
      {
        stripeAccount: input.accountId,
        idempotencyKey: idempotencyKey("customer:on_account", [
          input.tenantId,
          input.stripeCustomerId,
          input.accountId,
        ]),
      },
    );
    return { customerId: customer.id };
  });
}

/** The customer and card a Standard direct charge uses on the fieldworker's account (null: none). */
export interface OnAccount {
  customerId: string | null;
  paymentMethodId: string | null;
}

/**
 * Where the customer and the card come from on the fieldworker's account: the copies named by the caller as they
 * are; a new copy of the customer when the card is to be kept; the platform's saved card cloned for this charge.
 */
export async function customerAndCardOnAccount(
  stripe: Stripe,
  input: BookingPaymentInput,
  accountId: string,
): Promise<Outcome<OnAccount>> {
  const { stripeCustomerId, paymentMethodId, connectedCustomerId } = input;
  if (connectedCustomerId !== undefined) {
    return { ok: true, customerId: connectedCustomerId, paymentMethodId: paymentMethodId ?? null };
  }
  if (paymentMethodId !== undefined && stripeCustomerId === undefined) {
    return failure("invalid_input", { message: "Charging a saved card needs the customer it is saved for." });
  }
  const card = paymentMethodId === undefined ? null : await cloneCard(stripe, input, accountId);
  if (card !== null && !card.ok) return card;
  const paymentMethodOnAccount = card?.paymentMethodId ?? null;
  if (!input.saveCard || stripeCustomerId === undefined) {
    return { ok: true, customerId: null, paymentMethodId: paymentMethodOnAccount };
  }
  const customer = await customerOnAccount(stripe, { tenantId: input.tenantId, stripeCustomerId, accountId });
  if (!customer.ok) return customer;
  return { ok: true, customerId: customer.customerId, paymentMethodId: paymentMethodOnAccount };
}

function cloneCard(
  stripe: Stripe,
  input: BookingPaymentInput,
  accountId: string,
): Promise<Outcome<{ paymentMethodId: string }>> {
  const key = idempotencyKey("payment_method:clone", [input.tenantId, input.bookingId, input.attempt]);
  return stripeCall(async () => {
    const copy = await stripe.paymentMethods.create(
      { customer: input.stripeCustomerId, payment_method: input.paymentMethodId },
      { stripeAccount: accountId, idempotencyKey: key },
    );
    return { paymentMethodId: copy.id };
  });
}
