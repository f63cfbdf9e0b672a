import Stripe from "stripe";
import { type Outcome, type PaymentError, paymentError, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import { checkMoney } from "./money.ts";
import type { CapturePaymentInput } from "./strategy.ts";

/** What is wrong with a capture request before anything is sent, or null. */
export function checkCapture(input: CapturePaymentInput): PaymentError | null {
  const amountProblem = checkMoney(input.amount);
  if (amountProblem !== null) return invalid(amountProblem.message);
  if (input.amount.amount === 0) {
    return invalid("A capture must be more than zero; cancel the authorization to release all of it.");
  }
  if (input.applicationFee === null) return null;
  const feeProblem = checkMoney(input.applicationFee);
  if (feeProblem !== null) return invalid(`Application fee: ${feeProblem.message}`);
  if (input.applicationFee.currency !== input.amount.currency) {
    return invalid("The application fee must be in the currency of the capture.");
  }
  if (input.applicationFee.amount > input.amount.amount) {
    return invalid("The application fee cannot be more than the amount captured.");
  }
  return null;
}

function invalid(message: string): PaymentError {
  return paymentError("invalid_input", { message });
}

/**
 * Captures an authorization (on the fieldworker's account for a Standard direct charge). Stripe cancels an
 * authorization that lapsed, so a capture refused because the PaymentIntent is `canceled` is an answer, not an
 * error: the caller charges the card on file instead. One that was captured already answers what it received.
 */
export function captureBookingPayment(
  stripe: Stripe,
  input: CapturePaymentInput,
): Promise<Outcome<{ status: string; amountReceived: number }>> {
  const fee = input.applicationFee;
  const params: Stripe.PaymentIntentCaptureParams = {
    amount_to_capture: input.amount.amount,
    ...(fee !== null && fee.amount > 0 && { application_fee_amount: fee.amount }),
  };
  return stripeCall(async () => {
    try {
      const intent = await stripe.paymentIntents.capture(input.paymentIntentId, params, {
        idempotencyKey: idempotencyKey("payment_intent:capture", [input.tenantId, input.paymentIntentId]),
        ...(input.onAccount !== null && { stripeAccount: input.onAccount }),
      });
      return { status: intent.status, amountReceived: intent.amount_received ?? 0 };
    } catch (error) {
      const settled =
        error instanceof Stripe.errors.StripeInvalidRequestError &&
        error.code === "payment_intent_unexpected_state"
          ? error.payment_intent
          : undefined;
      if (settled?.status === "canceled") return { status: "canceled", amountReceived: 0 };
      if (settled?.status === "succeeded") {
        return { status: "succeeded", amountReceived: settled.amount_received ?? 0 };
      }
      throw error;
    }
  });
}
