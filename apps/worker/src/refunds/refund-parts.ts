// What every refund fieldpay makes by itself shares: an id derived from what it is for (so a retried job, a second
// worker or a replayed event opens the same refund, under the same idempotency key), and the split of who gives
// back what (packages/payments' refundShares), asked under the payment's lock by openRefund.
import { createHash } from "node:crypto";
import type { PaymentRow } from "@fieldpay/db/repositories/payments";
import { refundShares } from "@fieldpay/payments/ledger";

/** A UUID (version 5 layout) made from a purpose and the ids it is about: the same inputs, the same refund. */
export function derivedRefundId(purpose: string, ...parts: readonly (string | number)[]): string {
  const hex = createHash("sha256")
    .update([purpose, ...parts].join(":"))
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The charge a payment row took (a capture for less than the hold took less). */
export const chargedAmount = (payment: Pick<PaymentRow, "amount" | "amount_received">) =>
  payment.amount_received ?? payment.amount;

/** openRefund's `split` for refunding `refund` of this payment with these Connect choices. */
export function refundSplit(
  payment: Pick<PaymentRow, "charge_type" | "amount" | "amount_received" | "application_fee_amount">,
  refund: { amount: number; refundApplicationFee: boolean; reverseTransfer: boolean },
) {
  return (refundedBefore: number) => {
    const shares = refundShares({
      chargeType: payment.charge_type,
      charge: { amount: chargedAmount(payment), applicationFee: payment.application_fee_amount },
      refundedBefore,
      refund: refund.amount,
      refundApplicationFee: refund.refundApplicationFee,
      reverseTransfer: refund.reverseTransfer,
    });
    // The shares are what each side's balance moves by (negative); the refund row keeps what each gives back.
    return { businessAmount: -shares.business, fieldworkerAmount: -shares.fieldworker };
  };
}
