import Stripe from "stripe";
import { cardFailure, type Outcome, type PaymentError, paymentError, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import { checkMoney, type Money } from "./money.ts";
import type {
  BookingPayment,
  BookingPaymentInput,
  CancelPaymentInput,
  ChargeType,
  PaymentSnapshot,
  RetrievePaymentInput,
} from "./strategy.ts";

/** What is wrong with a booking payment request before anything is sent, or null. */
export function checkBookingPayment(input: BookingPaymentInput): PaymentError | null {
  const amountProblem = checkMoney(input.amount);
  if (amountProblem !== null) return invalid(amountProblem.message);
  if (input.amount.amount === 0) return invalid("A booking payment must be more than zero.");
  if (!Number.isSafeInteger(input.attempt) || input.attempt < 0) {
    return invalid("The payment attempt number must be a whole number from 0.");
  }
  const customer = input.stripeCustomerId ?? input.connectedCustomerId;
  if (input.offSession && (customer === undefined || input.paymentMethodId === undefined)) {
    return invalid("Charging without the customer present needs their Stripe customer and a saved card.");
  }
  if (input.saveCard && customer === undefined) {
    return invalid("Saving the card needs the customer's Stripe customer.");
  }
  return null;
}

function invalid(message: string): PaymentError {
  return paymentError("invalid_input", { message });
}

/**
 * Which payment methods a PaymentIntent or SetupIntent offers. API version 2026-09-30.endive removed
 * `payment_method_types` from both (its replacement, `allowed_payment_method_types`, is unknown to stripe-mock),
 * so the methods come from the account's dashboard settings: cards, wallets and Link for a usual account. The
 * booking portal confirms in place and off-session charges have nobody to send anywhere, so methods that
 * redirect the customer are left out.
 */
export const PAYMENT_METHODS = { enabled: true, allow_redirects: "never" } as const;

/** The parameters every booking PaymentIntent has, whichever account it is created on. */
export function basePaymentIntentParams(input: BookingPaymentInput): Stripe.PaymentIntentCreateParams {
  return {
    amount: input.amount.amount,
    currency: input.amount.currency,
    automatic_payment_methods: PAYMENT_METHODS,
    ...(input.stripeCustomerId !== undefined && { customer: input.stripeCustomerId }),
    ...(input.paymentMethodId !== undefined && { payment_method: input.paymentMethodId }),
    ...(input.offSession && { confirm: true, off_session: true }),
    ...(input.captureMethod === "manual" && { capture_method: "manual" }),
    ...(input.saveCard && !input.offSession && { setup_future_usage: "off_session" }),
    ...(input.description !== undefined && { description: input.description }),
    metadata: bookingMetadata(input),
  };
}

/** Lets a webhook, the dashboard or support find the booking a Stripe object belongs to. */
export function bookingMetadata(input: BookingPaymentInput): Record<string, string> {
  return {
    tenant_id: input.tenantId,
    booking_id: input.bookingId,
    attempt: String(input.attempt),
    ...(input.purpose !== undefined && { charge: input.purpose }),
    ...(input.connect !== undefined && { fieldworker_account: input.connect.accountId }),
  };
}

export function bookingPaymentKey(input: BookingPaymentInput): string {
  return idempotencyKey("payment_intent:create", [input.tenantId, input.bookingId, input.attempt]);
}

/**
 * Our answer for a created PaymentIntent. The customer and capture method are the ones we sent: they are what the
 * PaymentIntent carries, and stateless stripe-mock would answer its fixture's instead.
 */
export function toBookingPayment(
  intent: Stripe.PaymentIntent,
  sent: Stripe.PaymentIntentCreateParams,
  how: {
    chargeType: ChargeType;
    onAccount: string | null;
    applicationFee: Money | null;
    fieldworkerNet: Money | null;
  },
): BookingPayment {
  return {
    paymentIntentId: intent.id,
    clientSecret: intent.client_secret ?? null,
    status: intent.status,
    amount: { amount: intent.amount, currency: intent.currency },
    ...how,
    customerId: sent.customer ?? null,
    captureMethod: sent.capture_method === "manual" ? "manual" : "automatic",
  };
}

/**
 * Cancels a replaced attempt's PaymentIntent, so the client secret a stale tab still holds can pay nothing. A
 * PaymentIntent that can no longer be cancelled (it succeeded, is processing, or was cancelled already) is not an
 * error: its status is the answer, for the caller to act on.
 */
export function cancelBookingPayment(
  stripe: Stripe,
  input: CancelPaymentInput,
): Promise<Outcome<{ status: string }>> {
  return stripeCall(async () => {
    try {
      await stripe.paymentIntents.cancel(
        input.paymentIntentId,
        { cancellation_reason: "abandoned" },
        {
          idempotencyKey: idempotencyKey("payment_intent:cancel", [input.tenantId, input.paymentIntentId]),
          ...(input.onAccount !== null && { stripeAccount: input.onAccount }),
        },
      );
      // A cancel Stripe accepts leaves the PaymentIntent canceled; anything else is refused (below). The answer's
      // own status is not read: stateless stripe-mock answers its fixture, whatever it was asked.
      return { status: "canceled" };
    } catch (error) {
      const settled =
        error instanceof Stripe.errors.StripeInvalidRequestError &&
        error.code === "payment_intent_unexpected_state"
          ? error.payment_intent?.status
          : undefined;
      if (settled !== undefined) return { status: settled };
      throw error;
    }
  });
}

/**
 * Where a PaymentIntent stands, read from Stripe (on the fieldworker's account for a Standard direct charge), with
 * its latest charge for an authorization's deadline. Only a card error counts as the card failing: other last
 * errors (an API problem on a retry) say nothing about it.
 */
export function retrieveBookingPayment(
  stripe: Stripe,
  input: RetrievePaymentInput,
): Promise<Outcome<{ payment: PaymentSnapshot }>> {
  return stripeCall(async () => {
    const intent = await stripe.paymentIntents.retrieve(
      input.paymentIntentId,
      { expand: ["latest_charge"] },
      input.onAccount !== null ? { stripeAccount: input.onAccount } : {},
    );
    const last = intent.last_payment_error;
    const failed =
      last?.type === "card_error"
        ? cardFailure({ code: last.code ?? "card_declined", declineCode: last.decline_code })
        : null;
    const method = intent.payment_method;
    return {
      payment: {
        paymentIntentId: intent.id,
        status: intent.status,
        cardFailure: failed,
        clientSecret: intent.client_secret ?? null,
        amount: intent.amount,
        amountReceived: intent.amount_received ?? 0,
        amountCapturable: intent.amount_capturable ?? 0,
        paymentMethodId: typeof method === "string" ? method : (method?.id ?? null),
        captureBefore: captureBefore(intent.latest_charge),
        card: chargeCard(intent.latest_charge),
      },
    };
  });
}

// Card networks set how long an authorization holds; Stripe reports it on the charge, in unix seconds.
/** The card a charge used, as the receipt shows it; null while the charge is not expanded or not a card. */
export function chargeCard(
  charge: Stripe.PaymentIntent["latest_charge"],
): { brand: string; last4: string } | null {
  if (charge === null || typeof charge === "string") return null;
  const card = charge.payment_method_details?.card;
  return card?.brand && card.last4 ? { brand: card.brand, last4: card.last4 } : null;
}

function captureBefore(charge: Stripe.PaymentIntent["latest_charge"]): Date | null {
  if (charge === null || typeof charge === "string") return null;
  const seconds = charge.payment_method_details?.card?.capture_before;
  return typeof seconds === "number" ? new Date(seconds * 1000) : null;
}
