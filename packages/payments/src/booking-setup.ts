import type Stripe from "stripe";
import { PAYMENT_METHODS } from "./booking-payment.ts";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import type { BookingSetup, BookingSetupInput } from "./strategy.ts";

/**
 * The SetupIntent that saves a card at booking for the charge after the job (the card-on-file plan), on the
 * account and for the customer the charge will use. Its metadata finds the booking from a webhook.
 */
export async function createBookingSetupIntent(
  stripe: Stripe,
  input: BookingSetupInput,
  where: { onAccount: string | null; customerId: string },
): Promise<Outcome<{ setup: BookingSetup }>> {
  const created = await stripeCall(async () => ({
    intent: await stripe.setupIntents.create(
      {
        customer: where.customerId,
        usage: "off_session",
        automatic_payment_methods: PAYMENT_METHODS,
        metadata: {
          tenant_id: input.tenantId,
          booking_id: input.bookingId,
          attempt: String(input.attempt),
          charge: "card_on_file",
          ...(input.connect !== undefined && { fieldworker_account: input.connect.accountId }),
        },
      },
      {
        idempotencyKey: idempotencyKey("setup_intent:booking", [
          input.tenantId,
          input.bookingId,
          input.attempt,
        ]),
        ...(where.onAccount !== null && { stripeAccount: where.onAccount }),
      },
    ),
  }));
  if (!created.ok) return created;
  const { id, client_secret: clientSecret } = created.intent;
  if (clientSecret === null) {
    return failure("unexpected", { detail: `setup intent ${id} has no client secret` });
  }
  return { ok: true, setup: { setupIntentId: id, clientSecret, ...where } };
}

/** Where a SetupIntent stands and the card it saved, read where it lives. */
export function retrieveSetupIntent(
  stripe: Stripe,
  input: { setupIntentId: string; onAccount: string | null },
): Promise<Outcome<{ setup: { setupIntentId: string; status: string; paymentMethodId: string | null } }>> {
  return stripeCall(async () => {
    const intent = await stripe.setupIntents.retrieve(
      input.setupIntentId,
      {},
      input.onAccount !== null ? { stripeAccount: input.onAccount } : {},
    );
    const method = intent.payment_method;
    const paymentMethodId = typeof method === "string" ? method : (method?.id ?? null);
    return { setup: { setupIntentId: intent.id, status: intent.status, paymentMethodId } };
  });
}
