// "Refresh status": asks Stripe where the booking's PaymentIntent stands and applies it, with the same
// transitions and ordering guard the webhooks use (applyPaymentIntentSnapshot, eventAt = now).
import { findBooking } from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { latestPayment } from "@fieldpay/db/repositories/payments";
import { stripeCall, toPaymentError } from "@fieldpay/payments/errors";
import { createStripeClient } from "@fieldpay/payments/stripe-client";
import type { Auth } from "../context.ts";
import { findOwnBooking } from "./pay-booking.ts";
import { fromPaymentError, type PaymentDeps, requireStrategy } from "./tenant-payments.ts";

type StripeClient = ReturnType<typeof createStripeClient>;
interface CardProblem {
  code: string;
  message: string;
  fix: string;
}

/**
 * Plain words for a card failure, from the same catalogue as every other card error (packages/payments):
 * Stripe's last_payment_error, or the decline Stripe.js reported to the browser, is read as a card error.
 */
function explainCardFailure(
  client: StripeClient,
  raw: { code?: string | undefined; decline_code?: string | undefined } | null,
): CardProblem | null {
  if (raw === null) return null;
  const error = toPaymentError(
    new client.errors.StripeCardError({
      type: "card_error",
      code: raw.code ?? "card_declined",
      ...(raw.decline_code !== undefined && { decline_code: raw.decline_code }),
    }),
  );
  return { code: error.declineCode ?? error.code, message: error.message, fix: error.fix };
}

export async function refreshPayment(
  deps: PaymentDeps,
  auth: Auth,
  input: { bookingId: string; declineCode?: string | undefined },
) {
  const tenantId = auth.tenant.id;
  const booking = await findOwnBooking(deps, auth, input.bookingId);
  const payment = await latestPayment(deps.db, tenantId, booking.id);
  if (!payment?.payment_intent_id) return { status: booking.status, problem: null };
  const { settings } = await requireStrategy(deps, tenantId);
  const client = createStripeClient({
    secretKey: deps.secretBox.open(settings.secret_key_sealed, tenantId, "stripe_secret_key"),
    apiBase: deps.stripeApiBase,
  });
  const intentId = payment.payment_intent_id;
  const fetched = await stripeCall(async () => ({
    intent: await client.paymentIntents.retrieve(
      intentId,
      {},
      payment.on_account ? { stripeAccount: payment.on_account } : {},
    ),
  }));
  if (!fetched.ok) throw fromPaymentError(fetched.error);
  const { intent } = fetched;
  const lastError = intent.last_payment_error;
  const stripeProblem = lastError?.type === "card_error" ? explainCardFailure(client, lastError) : null;
  const problem =
    stripeProblem ??
    (input.declineCode ? explainCardFailure(client, { decline_code: input.declineCode }) : null);
  // A new PaymentIntent waits for a card too (requires_payment_method): only a card failure makes it a failure.
  const happened = intent.status !== "requires_payment_method" || stripeProblem !== null;
  if (happened) {
    await applyPaymentIntentSnapshot(deps.db, {
      tenantId,
      paymentIntentId: intent.id,
      status: intent.status,
      failureCode: stripeProblem?.code ?? null,
      failureMessage: stripeProblem?.message ?? null,
      eventAt: new Date(),
    });
  }
  const now = await findBooking(deps.db, tenantId, booking.id);
  return {
    status: now?.status ?? booking.status,
    problem: problem && { message: problem.message, fix: problem.fix },
  };
}
