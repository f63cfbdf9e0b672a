// A booking's ledger lines in plain words, for the receipt, the admin's booking page and the fieldworker's jobs.
import type { AppRouter } from "@fieldpay/api/router";
import type { inferRouterOutputs } from "@trpc/server";

export type BookingView = inferRouterOutputs<AppRouter>["bookings"]["get"];
export type LedgerLine = BookingView["ledger"]["lines"][number];
export type RefundReason = NonNullable<LedgerLine["refundReason"]>;

/** Why a refund was made (the reason sent to Stripe), in the few words of a table cell. */
export const REFUND_REASON_WORDS: Readonly<Record<RefundReason, string>> = {
  requested_by_customer: "Requested by the customer",
  duplicate: "Duplicate payment",
  fraudulent: "Fraudulent payment",
};

const CHARGE: Readonly<Record<LedgerLine["purpose"], string>> = {
  full: "Paid in full",
  deposit: "Deposit paid",
  // An authorization's line exists once it is captured; before that the receipt shows the hold from the plan.
  authorization: "Captured",
  balance: "Balance paid",
  extra: "Extra charge",
};

const REFUND_OF: Readonly<Record<LedgerLine["purpose"], string>> = {
  full: "the payment",
  deposit: "the deposit",
  authorization: "the captured amount",
  balance: "the balance",
  extra: "the extra charge",
};

/** What a dispute moved, in words (the fieldworker's share lines are shown to the business and the fieldworker). */
const DISPUTE: Readonly<Record<Exclude<LedgerLine["kind"], "charge" | "refund">, string>> = {
  dispute_withdrawn: "Taken back by the customer's bank (dispute)",
  dispute_reinstated: "Returned after the dispute was won",
  dispute_share_reversed: "Fieldworker's share taken back for the dispute",
  dispute_share_resent: "Fieldworker's share sent again: dispute won",
};

export function ledgerLineLabel(
  line: Pick<LedgerLine, "kind" | "purpose"> & { refundReason?: RefundReason | null },
  plan: BookingView["plan"]["plan"],
) {
  if (line.kind === "refund") {
    const why = line.refundReason ? ` · ${REFUND_REASON_WORDS[line.refundReason]}` : "";
    return `Refund of ${REFUND_OF[line.purpose]}${why}`;
  }
  if (line.kind !== "charge") return DISPUTE[line.kind];
  // With the card on file nothing was paid before: the after-job charge is the whole job, not a balance.
  if (line.purpose === "balance" && plan === "card_on_file") return "Charged after the job";
  return CHARGE[line.purpose];
}

/** What is still to pay for a done job: its final amount less what was charged. */
export function leftToPay(b: BookingView): { amount: number; currency: string } {
  const final = b.job.finalAmount ?? b.amount;
  return { amount: Math.max(0, final.amount - b.ledger.charged.amount), currency: final.currency };
}

/** The ledger's charges that still have something to refund, newest first, with what is left on each. */
export function refundableCharges(lines: readonly LedgerLine[]) {
  const refunded = new Map<string, number>();
  for (const line of lines) {
    if (line.kind === "refund")
      refunded.set(line.paymentId, (refunded.get(line.paymentId) ?? 0) + -line.amount.amount);
  }
  return lines
    .filter((line) => line.kind === "charge")
    .map((line) => ({
      line,
      left: {
        amount: line.amount.amount - (refunded.get(line.paymentId) ?? 0),
        currency: line.amount.currency,
      },
    }))
    .filter((c) => c.left.amount > 0)
    .sort((a, b) => new Date(b.line.occurredAt).getTime() - new Date(a.line.occurredAt).getTime());
}
