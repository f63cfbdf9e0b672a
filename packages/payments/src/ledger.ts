// Who received what for one line of a booking's ledger (a charge or a refund), as Stripe moves the money. Pure: the
// ledger rows are written elsewhere; every line's amount is exactly the business's plus the fieldworkers' share.
import { roundHalfUpToStep } from "./money/rounding.ts";
import type { ChargeType } from "./strategy.ts";

/** Minor units each side received on one ledger line; negative for money given back. */
export interface Shares {
  business: number;
  fieldworker: number;
}

/**
 * A charge's shares. Stripe mode: all of it is the business's. Connect (destination, or direct on a Standard
 * account): the business gets its application fee and the fieldworker the rest.
 */
export function chargeShares(input: {
  chargeType: ChargeType;
  amount: number;
  applicationFee: number | null;
}): Shares {
  const { chargeType, amount } = input;
  checkMinor("amount", amount);
  if (chargeType === "direct") return { business: amount, fieldworker: 0 };
  const fee = input.applicationFee ?? 0;
  checkMinor("applicationFee", fee);
  if (fee > amount) throw new RangeError("chargeShares: the application fee is more than the charge");
  return { business: fee, fieldworker: amount - fee };
}

export interface RefundSharesInput {
  chargeType: ChargeType;
  /** The charge refunded, and its application fee. */
  charge: { amount: number; applicationFee: number | null };
  /** What earlier refunds of this charge gave back. */
  refundedBefore: number;
  refund: number;
  refundApplicationFee: boolean;
  reverseTransfer: boolean;
}

/**
 * A refund's shares, negative and adding up to exactly −refund, as Stripe moves the money:
 * - Stripe mode: the business gives it all back.
 * - Destination charge (Express/Custom): the platform pays the customer. With an application fee Stripe transfers
 *   the whole charge to the fieldworker and takes the fee back from them, so `reverseTransfer` pulls the refunded
 *   share of that whole transfer (the refund itself) back from the fieldworker, and `refundApplicationFee` returns
 *   the refunded share of the fee to them. Both: the fieldworker gives back their share (amount − fee,
 *   proportionally), the business its fee. Neither: the business carries the whole refund. Only
 *   `reverseTransfer`: the fieldworker gives back all of it and the business keeps its fee. Only
 *   `refundApplicationFee`: Stripe refunds a destination charge's fee only with its transfer reversed, so the flag
 *   moves nothing here and the business carries the whole refund.
 * - Direct charge on a Standard account: the fieldworker's account pays the refund; `refundApplicationFee` gives
 *   the fee's share back from the business. There is no transfer to reverse.
 * The fee's share is computed cumulatively over the charge's refunds (see `proportionalPart`), so refunds that
 * add up to the whole charge give back exactly the whole fee.
 */
export function refundShares(input: RefundSharesInput): Shares {
  const { chargeType, charge, refundedBefore, refund } = input;
  checkMinor("charge.amount", charge.amount);
  checkMinor("refundedBefore", refundedBefore);
  checkMinor("refund", refund);
  if (refund === 0 || refundedBefore + refund > charge.amount) {
    throw new RangeError(
      "refundShares: a refund must be more than zero and within what is left of the charge",
    );
  }
  if (chargeType === "direct") return { business: -refund, fieldworker: 0 };
  const fee = chargeShares({
    chargeType,
    amount: charge.amount,
    applicationFee: charge.applicationFee,
  }).business;
  const feeBack = input.refundApplicationFee
    ? proportionalPart({ total: fee, of: charge.amount, before: refundedBefore, now: refund })
    : 0;
  if (chargeType === "direct_on_connected_account") return shares(-feeBack, -(refund - feeBack));
  if (!input.reverseTransfer) return shares(-refund, 0);
  return shares(-feeBack, feeBack - refund);
}

/**
 * The part of `total` that belongs to `now` out of `of`, after `before` already took theirs: round(total × (before
 * + now) / of) − round(total × before / of), each rounded half-up. Rounding the running total, not each part, is
 * what makes the parts add up to `total` exactly once `before + now` reaches `of`.
 */
export function proportionalPart(input: { total: number; of: number; before: number; now: number }): number {
  const { total, of, before, now } = input;
  const upTo = (refunded: number) => roundHalfUpToStep(BigInt(total) * BigInt(refunded), BigInt(of), 1n);
  return Number(upTo(before + now) - upTo(before));
}

// Adding 0 turns a -0 into 0, so that shares compare equal to the plain numbers a caller expects.
const shares = (business: number, fieldworker: number): Shares => ({
  business: business + 0,
  fieldworker: fieldworker + 0,
});

function checkMinor(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number of minor units, got ${value}`);
  }
}

/**
 * packages/db's openRefund asks for the split under the payment's lock, given what was refunded before: this
 * answers it for refunding `refund` of `charge` with these Connect choices, as the amounts each side gives back.
 */
export function refundSplit(
  charge: { chargeType: ChargeType; amount: number; applicationFee: number | null },
  refund: { amount: number; refundApplicationFee: boolean; reverseTransfer: boolean },
) {
  return (refundedBefore: number) => {
    const shares = refundShares({
      chargeType: charge.chargeType,
      charge: { amount: charge.amount, applicationFee: charge.applicationFee },
      refundedBefore,
      refund: refund.amount,
      refundApplicationFee: refund.refundApplicationFee,
      reverseTransfer: refund.reverseTransfer,
    });
    // The shares are what each side's balance moves by (negative); the refund row keeps what each gives back.
    return { businessAmount: -shares.business, fieldworkerAmount: -shares.fieldworker };
  };
}
