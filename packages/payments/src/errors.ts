import Stripe from "stripe";
import { cardDeclineText } from "./card-declines.ts";

export type PaymentErrorCode =
  // From Stripe
  | "authentication_failed"
  | "permission_denied"
  | "rate_limited"
  | "stripe_unreachable"
  | "stripe_unavailable"
  | "card_declined"
  | "card_authentication_required"
  | "idempotency_conflict"
  | "not_found"
  | "amount_too_small"
  | "amount_too_large"
  | "already_refunded"
  | "connected_account_unusable"
  | "invalid_request"
  // Ours, before anything is sent
  | "invalid_credentials"
  | "livemode_mismatch"
  | "invalid_input"
  | "wrong_mode"
  | "login_link_not_available"
  | "unexpected";

/** What the business owner (or customer, for card errors) is told, and what the log gets. Never holds key material. */
export interface PaymentError {
  readonly code: PaymentErrorCode;
  readonly message: string;
  readonly fix: string;
  /** Trying the same call again later may work. */
  readonly retryable: boolean;
  /** Which form field is at fault, for credential problems. */
  readonly field?: "publishableKey" | "secretKey";
  readonly declineCode?: string;
  /** Stripe's own error code and request id, for support and logs. */
  readonly stripeCode?: string;
  readonly requestId?: string;
  /** Stripe's technical message with anything key-like removed: for logs, not for people. */
  readonly detail?: string;
  /**
   * The PaymentIntent a failed call left behind (an off-session charge that needs the customer's bank check or
   * was declined), so the customer can be sent to complete that same PaymentIntent.
   */
  readonly paymentIntentId?: string;
  readonly paymentIntentStatus?: string;
}

/** An expected outcome: the value on success, a PaymentError otherwise. */
export type Outcome<T extends object> = ({ ok: true } & T) | { ok: false; error: PaymentError };

const API_KEYS = "Developers > API keys in the Stripe dashboard";

type Catalogued = Exclude<PaymentErrorCode, "card_declined">;
const CATALOGUE: Readonly<Record<Catalogued, { message: string; fix: string; retryable: boolean }>> = {
  authentication_failed: {
    message: "Stripe did not accept the Secret key.",
    fix: `Double-check the API keys you entered: copy the Secret key again from ${API_KEYS} (click Reveal). If it was rolled, use the new one.`,
    retryable: false,
  },
  permission_denied: {
    message: "The Stripe key is not allowed to do this.",
    fix: "If you use a restricted key, give it write access to the resource named in the log, or use the standard Secret key. For a fieldworker's account, check it is still connected to your platform.",
    retryable: false,
  },
  rate_limited: {
    message: "Stripe is receiving too many requests from this account right now.",
    fix: "Wait a minute and try again.",
    retryable: true,
  },
  stripe_unreachable: {
    message: "We could not reach Stripe.",
    fix: "Try again in a moment. If it keeps happening, check status.stripe.com.",
    retryable: true,
  },
  stripe_unavailable: {
    message: "Stripe had a problem handling this request.",
    fix: "Try again in a moment. If it keeps happening, check status.stripe.com.",
    retryable: true,
  },
  card_authentication_required: {
    message: "The customer's bank wants them to confirm this payment (3D Secure).",
    fix: "Ask the customer to pay from the booking page, where they can complete their bank's check.",
    retryable: false,
  },
  idempotency_conflict: {
    message: "This request repeats an earlier one with different details.",
    fix: "Start a new payment attempt instead of retrying the old one.",
    retryable: false,
  },
  not_found: {
    message: "Stripe has no record of this item on the account in use.",
    fix: "Check the item was created with the same Stripe account (and the same test or live mode) as the current keys.",
    retryable: false,
  },
  amount_too_small: {
    message: "The amount is below Stripe's minimum charge for this currency.",
    fix: "Charge at least the minimum amount (for example 0.50 in USD or EUR).",
    retryable: false,
  },
  amount_too_large: {
    message: "The amount is above Stripe's maximum for a single charge.",
    fix: "Split the booking into smaller payments.",
    retryable: false,
  },
  already_refunded: {
    message: "This payment has already been refunded.",
    fix: "Check the payment's refunds in the Stripe dashboard before refunding again.",
    retryable: false,
  },
  connected_account_unusable: {
    message: "The fieldworker's Stripe account cannot take part in this payment yet.",
    fix: "Ask the fieldworker to finish their Stripe onboarding, then check their account status.",
    retryable: false,
  },
  invalid_request: {
    message: "Stripe rejected the request.",
    fix: "Check the details and try again; the log has Stripe's explanation.",
    retryable: false,
  },
  invalid_credentials: {
    message: "The Stripe keys are not in the expected format.",
    fix: "Double-check the API keys you entered.",
    retryable: false,
  },
  livemode_mismatch: {
    message: "Stripe reports a different mode (test or live) than the key suggests.",
    fix: `Copy both keys again from ${API_KEYS}, with the 'Test mode' toggle set to the mode you want.`,
    retryable: false,
  },
  invalid_input: {
    message: "The payment details are incomplete or inconsistent.",
    fix: "Correct the details and try again.",
    retryable: false,
  },
  wrong_mode: {
    message: "This operation does not match how the business takes payments.",
    fix: "Check the payment integration setting (Stripe or Stripe Connect) under Settings > Financial Settings.",
    retryable: false,
  },
  login_link_not_available: {
    message: "Only Express accounts have a Stripe Express dashboard login link.",
    fix: "Standard accounts sign in at dashboard.stripe.com; Custom accounts have no Stripe dashboard.",
    retryable: false,
  },
  unexpected: {
    message: "Something unexpected went wrong while talking to Stripe.",
    fix: "Try again; if it keeps happening, contact support with the time it happened.",
    retryable: false,
  },
};

/** A PaymentError from our catalogue, with the message or details overridden where the caller knows more. */
export function paymentError(
  code: Catalogued,
  overrides: Partial<Omit<PaymentError, "code">> = {},
): PaymentError {
  return { code, ...CATALOGUE[code], ...overrides };
}

export function failure(code: Catalogued, overrides: Partial<Omit<PaymentError, "code">> = {}) {
  return { ok: false as const, error: paymentError(code, overrides) };
}

// Key-shaped tokens, Authorization header values (stripe-mock echoes them; Basic carries the key in base64),
// and, as a last guard, any remaining word that contains a secret prefix.
const REDACTIONS: ReadonlyArray<RegExp> = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9+/=._-]+/gi,
  /(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]*/gi,
  /whsec_[A-Za-z0-9+/=]*/gi,
  /[A-Za-z0-9_]*(?:sk_|rk_|whsec_)[A-Za-z0-9_]*/gi,
];

/** Removes anything that could be key material from text that will be logged or shown. */
export function redactSecrets(text: string): string {
  return REDACTIONS.reduce((current, pattern) => current.replace(pattern, "[redacted]"), text);
}

/** Maps anything a Stripe call can throw to a PaymentError. */
export function toPaymentError(error: unknown): PaymentError {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return paymentError("unexpected");
  }
  const context = {
    ...(error.code !== undefined && { stripeCode: error.code }),
    ...(error.requestId !== undefined && { requestId: error.requestId }),
    detail: redactSecrets(error.message),
    ...(error.payment_intent !== undefined && {
      paymentIntentId: error.payment_intent.id,
      paymentIntentStatus: error.payment_intent.status,
    }),
  };
  if (error instanceof Stripe.errors.StripeCardError) return cardError(error, context);
  if (error instanceof Stripe.errors.StripeAuthenticationError)
    return paymentError("authentication_failed", context);
  if (error instanceof Stripe.errors.StripePermissionError) return paymentError("permission_denied", context);
  if (error instanceof Stripe.errors.StripeRateLimitError) return paymentError("rate_limited", context);
  if (error instanceof Stripe.errors.StripeConnectionError)
    return paymentError("stripe_unreachable", context);
  if (error instanceof Stripe.errors.StripeIdempotencyError)
    return paymentError("idempotency_conflict", context);
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return paymentError(invalidRequestCode(error.code, error.statusCode), context);
  }
  return paymentError("stripe_unavailable", context);
}

function invalidRequestCode(code: string | undefined, status: number | undefined): Catalogued {
  switch (code) {
    case "resource_missing":
      return "not_found";
    case "amount_too_small":
      return "amount_too_small";
    case "amount_too_large":
      return "amount_too_large";
    case "charge_already_refunded":
      return "already_refunded";
    case "account_invalid":
    case "insufficient_capabilities_for_transfer":
    case "account_closed":
      return "connected_account_unusable";
    default:
      return status === 404 ? "not_found" : "invalid_request";
  }
}

function cardError(error: Stripe.errors.StripeCardError, context: Partial<PaymentError>): PaymentError {
  return cardFailure({ code: error.code, declineCode: error.decline_code }, context);
}

/**
 * A card failure in plain words, whether Stripe threw it or only reported it: a PaymentIntent's
 * `last_payment_error`, or the decline Stripe.js showed in the browser. Same catalogue either way.
 */
export function cardFailure(
  reported: { code?: string | undefined; declineCode?: string | undefined },
  context: Partial<PaymentError> = {},
): PaymentError {
  if (reported.code === "authentication_required" || reported.declineCode === "authentication_required") {
    return paymentError("card_authentication_required", context);
  }
  const declineCode = reported.declineCode ?? reported.code ?? "generic_decline";
  const text = cardDeclineText(declineCode);
  return { code: "card_declined", ...text, declineCode, ...context };
}

/** Runs one Stripe call; Stripe's errors become an expected `{ ok: false }`, anything else (a bug) still throws. */
export async function stripeCall<T extends object>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    const value = await run();
    return { ok: true as const, ...value };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return { ok: false, error: toPaymentError(error) };
    throw error;
  }
}
