// "Refresh status": asks Stripe where the booking's PaymentIntent stands and applies it, with the same
// transitions and ordering guard the webhooks use (applyPaymentIntentSnapshot, eventAt = now).
import { applyBookingSetupSucceeded, type Booking, findBooking } from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { latestPayment } from "@fieldpay/db/repositories/payments";
import { cardFailure, type PaymentError } from "@fieldpay/payments/errors";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { Auth } from "../context.ts";
import { findOwnBooking } from "./pay-booking.ts";
import { type PaymentDeps, requireStrategy } from "./tenant-payments.ts";

/** What the booking keeps of a card failure: the decline code, or the catalogue's own code. */
const failureCode = (error: PaymentError) => error.declineCode ?? error.code;

export async function refreshPayment(
  deps: PaymentDeps,
  auth: Auth,
  input: { bookingId: string; declineCode?: string | undefined },
) {
  const tenantId = auth.tenant.id;
  const booking = await findOwnBooking(deps, auth, input.bookingId);
  if (
    booking.payment_plan === "card_on_file" &&
    booking.setup_intent_id !== null &&
    booking.card_payment_method_id === null
  ) {
    return refreshSetup(deps, booking);
  }
  const payment = await latestPayment(deps.db, tenantId, booking.id);
  if (!payment?.payment_intent_id) return { status: booking.status, problem: null };
  const { strategy } = await requireStrategy(deps, tenantId);
  const fetched = await strategy.retrievePayment({
    paymentIntentId: payment.payment_intent_id,
    onAccount: payment.on_account,
  });
  if (!fetched.ok) throw fromPaymentError(fetched.error);
  const intent = fetched.payment;
  const stripeProblem = intent.cardFailure;
  // The decline Stripe.js reported to the browser, in the same words, when Stripe has none on the PaymentIntent.
  const problem =
    stripeProblem ??
    (input.declineCode ? cardFailure({ code: "card_declined", declineCode: input.declineCode }) : null);
  // A new PaymentIntent waits for a card too (requires_payment_method): only a card failure makes it a failure.
  const happened = intent.status !== "requires_payment_method" || stripeProblem !== null;
  if (happened) {
    await applyPaymentIntentSnapshot(deps.db, {
      tenantId,
      paymentIntentId: intent.paymentIntentId,
      status: intent.status,
      failureCode: stripeProblem ? failureCode(stripeProblem) : null,
      failureMessage: stripeProblem?.message ?? null,
      eventAt: new Date(),
      paymentMethodId: intent.paymentMethodId,
      captureBefore: intent.captureBefore,
      card: intent.card,
    });
  }
  const now = await findBooking(deps.db, tenantId, booking.id);
  return {
    status: now?.status ?? booking.status,
    problem: problem && { message: problem.message, fix: problem.fix },
  };
}

/** The card-on-file plan: whether the card was saved (setup_intent.succeeded may not have arrived yet). */
async function refreshSetup(deps: PaymentDeps, booking: Booking) {
  const { strategy } = await requireStrategy(deps, booking.tenant_id);
  if (booking.setup_intent_id === null) return { status: booking.status, problem: null };
  const fetched = await strategy.retrieveSetup({
    setupIntentId: booking.setup_intent_id,
    onAccount: booking.card_on_account,
  });
  if (!fetched.ok) throw fromPaymentError(fetched.error);
  const { setup } = fetched;
  if (setup.status === "succeeded" && setup.paymentMethodId !== null) {
    await applyBookingSetupSucceeded(deps.db, {
      tenantId: booking.tenant_id,
      setupIntentId: setup.setupIntentId,
      paymentMethodId: setup.paymentMethodId,
    });
  }
  const now = await findBooking(deps.db, booking.tenant_id, booking.id);
  return { status: now?.status ?? booking.status, problem: null };
}
