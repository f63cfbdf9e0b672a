import type Stripe from "stripe";
import { PAYMENT_METHODS } from "./booking-payment.ts";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import type { CreateCustomerInput, CustomerSummary, SavedCard, SetupIntentInput } from "./strategy.ts";

// Customers and their saved cards live on the business's own account in both modes: the business owns the
// customer relationship, whichever fieldworker does the job. (Standard direct charges clone the card onto the
// fieldworker's account at payment time, see connect.ts.)

export function createCustomer(
  stripe: Stripe,
  input: CreateCustomerInput,
): Promise<Outcome<{ customer: CustomerSummary }>> {
  return stripeCall(async () => {
    const customer = await stripe.customers.create(
      {
        ...(input.email !== undefined && { email: input.email }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.phone !== undefined && { phone: input.phone }),
        metadata: { tenant_id: input.tenantId, customer_id: input.customerId },
      },
      { idempotencyKey: idempotencyKey("customer:create", [input.tenantId, input.customerId]) },
    );
    return { customer: summarize(customer) };
  });
}

export async function retrieveCustomer(
  stripe: Stripe,
  input: { stripeCustomerId: string },
): Promise<Outcome<{ customer: CustomerSummary }>> {
  const fetched = await stripeCall(async () => ({
    customer: await stripe.customers.retrieve(input.stripeCustomerId),
  }));
  if (!fetched.ok) return fetched;
  if (fetched.customer.deleted === true) {
    return failure("not_found", {
      message: "This customer was deleted in Stripe.",
      fix: "Create the customer again; their saved cards were removed with them.",
    });
  }
  return { ok: true, customer: summarize(fetched.customer) };
}

export async function createSetupIntent(
  stripe: Stripe,
  input: SetupIntentInput,
): Promise<Outcome<{ setupIntentId: string; clientSecret: string }>> {
  const created = await stripeCall(async () => ({
    intent: await stripe.setupIntents.create(
      {
        customer: input.stripeCustomerId,
        // Saved cards are charged later without the customer present (booking balance, no-show fee).
        usage: "off_session",
        automatic_payment_methods: PAYMENT_METHODS,
        metadata: { tenant_id: input.tenantId, customer_id: input.customerId },
      },
      {
        idempotencyKey: idempotencyKey("setup_intent:create", [
          input.tenantId,
          input.customerId,
          input.attempt,
        ]),
      },
    ),
  }));
  if (!created.ok) return created;
  const { id, client_secret: clientSecret } = created.intent;
  if (clientSecret === null)
    return failure("unexpected", { detail: `setup intent ${id} has no client secret` });
  return { ok: true, setupIntentId: id, clientSecret };
}

export function listPaymentMethods(
  stripe: Stripe,
  input: { stripeCustomerId: string },
): Promise<Outcome<{ cards: SavedCard[] }>> {
  return stripeCall(async () => {
    const list = await stripe.customers.listPaymentMethods(input.stripeCustomerId, {
      type: "card",
      limit: 100,
    });
    const cards = list.data.flatMap((method): SavedCard[] =>
      method.card
        ? [
            {
              paymentMethodId: method.id,
              brand: method.card.brand,
              last4: method.card.last4,
              expMonth: method.card.exp_month,
              expYear: method.card.exp_year,
            },
          ]
        : [],
    );
    return { cards };
  });
}

export async function detachPaymentMethod(
  stripe: Stripe,
  input: { stripeCustomerId: string; paymentMethodId: string },
): Promise<Outcome<{ paymentMethodId: string }>> {
  // The id comes from a browser: only detach a card that really is this customer's.
  const fetched = await stripeCall(async () => ({
    method: await stripe.paymentMethods.retrieve(input.paymentMethodId),
  }));
  if (!fetched.ok) return fetched;
  const owner = fetched.method.customer;
  const ownerId = typeof owner === "string" ? owner : (owner?.id ?? null);
  if (ownerId !== input.stripeCustomerId) {
    return failure("not_found", {
      message: "This card is not saved for this customer.",
      fix: "Reload the list of saved cards.",
    });
  }
  return stripeCall(async () => {
    // A detached payment method can never be attached again, so the method id alone is a safe key.
    const detached = await stripe.paymentMethods.detach(
      input.paymentMethodId,
      {},
      { idempotencyKey: idempotencyKey("payment_method:detach", [input.paymentMethodId]) },
    );
    return { paymentMethodId: detached.id };
  });
}

function summarize(customer: Stripe.Customer): CustomerSummary {
  return { stripeCustomerId: customer.id, email: customer.email ?? null, name: customer.name ?? null };
}
