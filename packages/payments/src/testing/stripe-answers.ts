// Stripe's answers for states stateless stripe-mock cannot be in, for RecordingProxy.intercept({ respond }).

/** Cancelling a PaymentIntent that has moved on (succeeded, processing, already cancelled): 400, with its status. */
export function cannotCancel(paymentIntentId: string, status: string) {
  return {
    status: 400,
    body: {
      error: {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: `You cannot cancel this PaymentIntent because it has a status of ${status}.`,
        payment_intent: { id: paymentIntentId, object: "payment_intent", status },
      },
    },
  };
}

/** Capturing a PaymentIntent that is not waiting for capture (its authorization lapsed and was cancelled...): 400. */
export function cannotCapture(paymentIntentId: string, status: string, amountReceived = 0) {
  return {
    status: 400,
    body: {
      error: {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: `This PaymentIntent could not be captured because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        payment_intent: {
          id: paymentIntentId,
          object: "payment_intent",
          status,
          amount_received: amountReceived,
        },
      },
    },
  };
}

// What Stripe answers an off-session charge (confirm + off_session) that fails: a 402 card_error carrying the
// PaymentIntent, left in requires_payment_method for the customer to complete on-session.
function offSessionFailure(
  paymentIntentId: string,
  error: { code: string; decline_code: string; message: string },
) {
  const lastError = { type: "card_error", ...error };
  return {
    status: 402,
    body: {
      error: {
        ...lastError,
        charge: `ch_${paymentIntentId.replace(/^pi_/, "")}`,
        doc_url: `https://stripe.com/docs/error-codes/${error.code.replaceAll("_", "-")}`,
        payment_intent: {
          id: paymentIntentId,
          object: "payment_intent",
          status: "requires_payment_method",
          client_secret: `${paymentIntentId}_secret_offsession`,
          last_payment_error: lastError,
        },
      },
    },
  };
}

/** The card's bank wants the customer to complete 3D Secure, which an off-session charge cannot do. */
export function authenticationRequired(paymentIntentId: string) {
  return offSessionFailure(paymentIntentId, {
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  });
}

/** The saved card was declined when charged without the customer present. */
export function offSessionDeclined(paymentIntentId: string, declineCode: string) {
  return offSessionFailure(paymentIntentId, {
    code: "card_declined",
    decline_code: declineCode,
    message: "Your card was declined.",
  });
}
