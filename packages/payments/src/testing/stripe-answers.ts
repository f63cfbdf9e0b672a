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
