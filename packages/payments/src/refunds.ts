import type Stripe from "stripe";
import { type PaymentError, paymentError } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import { formatMoney } from "./money/format.ts";
import { checkMoney } from "./money.ts";
import type { RefundInput, RefundSummary } from "./strategy.ts";

/** What is wrong with a refund request before anything is sent, or null. */
export function checkRefund(input: RefundInput): PaymentError | null {
  const chargedProblem = checkMoney(input.charged);
  if (chargedProblem !== null) return invalid(`Charged amount: ${chargedProblem.message}`);
  if (input.amount === undefined) return null;
  const amountProblem = checkMoney(input.amount);
  if (amountProblem !== null) return invalid(`Refund amount: ${amountProblem.message}`);
  if (input.amount.currency !== input.charged.currency) {
    return invalid(
      `The refund is in ${input.amount.currency.toUpperCase()} but the payment was in ${input.charged.currency.toUpperCase()}.`,
    );
  }
  if (input.amount.amount <= 0) return invalid("A refund must be more than zero.");
  if (input.amount.amount > input.charged.amount) {
    return invalid(
      `A refund cannot be more than the ${formatMoney(input.charged.amount, input.charged.currency, "en-US")} that was charged.`,
    );
  }
  return null;
}

function invalid(message: string): PaymentError {
  return paymentError("invalid_input", { message });
}

/** The parameters every refund has; Connect adds its explicit fee and transfer decisions. */
export function baseRefundParams(input: RefundInput): Stripe.RefundCreateParams {
  return {
    payment_intent: input.paymentIntentId,
    ...(input.amount !== undefined && { amount: input.amount.amount }),
    ...(input.reason !== undefined && { reason: input.reason }),
    metadata: { tenant_id: input.tenantId, booking_id: input.bookingId, refund_id: input.refundId },
  };
}

export function refundKey(input: RefundInput): string {
  return idempotencyKey("refund:create", [input.tenantId, input.refundId]);
}

export function toRefundSummary(
  refund: Pick<Stripe.Refund, "id" | "status" | "amount" | "currency">,
  input: RefundInput,
): RefundSummary {
  return {
    stripeRefundId: refund.id,
    status: refund.status ?? null,
    amount: { amount: refund.amount, currency: refund.currency },
    partial: input.amount !== undefined && input.amount.amount < input.charged.amount,
  };
}
