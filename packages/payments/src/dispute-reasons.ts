// Stripe's dispute reasons and statuses in plain words, with what evidence helps a field-service business win
// each kind (after Stripe's own guidance per reason). Pure: the api sends these words to the pages.

export interface DisputeReasonWords {
  /** What the customer's bank says happened. */
  meaning: string;
  /** What to send, most useful first. */
  evidence: string[];
}

const JOB_RECORD = "The job-done record: when the work was done, by whom, and the final amount.";
const RECEIPT = "The receipt the customer got, with the business's name and contact details.";
const MESSAGES = "Messages with the customer (confirming the booking, arranging the visit, after the job).";

export const DISPUTE_REASONS: Readonly<Record<string, DisputeReasonWords>> = {
  fraudulent: {
    meaning: "The cardholder says they did not make or allow this payment.",
    evidence: [
      "Proof the customer booked it themselves: their name, email and the booking in their account.",
      JOB_RECORD,
      MESSAGES,
      "Photos of the work at the customer's address, or a signature on completion.",
    ],
  },
  product_not_received: {
    meaning: "The customer says the service they paid for was never done.",
    evidence: [JOB_RECORD, "Photos of the finished work, or the customer's signature.", MESSAGES, RECEIPT],
  },
  duplicate: {
    meaning: "The customer says they were charged twice for the same job.",
    evidence: [
      "Why the two payments are for different jobs or parts (a deposit and the balance), or the refund of one.",
      RECEIPT,
      JOB_RECORD,
    ],
  },
  subscription_canceled: {
    meaning: "The customer says they cancelled a recurring service before this charge.",
    evidence: [
      "Your cancellation terms as the customer accepted them, and when they accepted them.",
      "That the customer did not cancel, or cancelled after this visit.",
      MESSAGES,
    ],
  },
  product_unacceptable: {
    meaning: "The customer says the work was poor or not as described.",
    evidence: [
      "What was booked and what was done (the service description and the job-done record).",
      "Photos of the finished work.",
      "Any offer to come back or to refund, and the customer's answer.",
      MESSAGES,
    ],
  },
  credit_not_processed: {
    meaning: "The customer says they were promised a refund or credit that never came.",
    evidence: [
      "The refund already made (its date and amount), or why none is owed under your terms.",
      "Your refund and cancellation terms as the customer accepted them.",
      MESSAGES,
    ],
  },
  unrecognized: {
    meaning: "The customer does not recognise the charge on their statement.",
    evidence: [
      "The booking and the receipt, so the customer can recognise the business name.",
      JOB_RECORD,
      MESSAGES,
    ],
  },
  bank_cannot_process: {
    meaning: "The customer's bank could not process the payment correctly.",
    evidence: [RECEIPT, JOB_RECORD],
  },
  check_returned: {
    meaning: "The customer's bank returned the payment.",
    evidence: [RECEIPT, JOB_RECORD],
  },
  customer_initiated: {
    meaning: "The customer asked their bank to reverse the payment.",
    evidence: [JOB_RECORD, RECEIPT, MESSAGES],
  },
  debit_not_authorized: {
    meaning: "The customer says they did not authorise this debit.",
    evidence: ["Proof the customer agreed to pay (the booking in their account).", RECEIPT, MESSAGES],
  },
  incorrect_account_details: {
    meaning: "The account details used for the payment were wrong.",
    evidence: [RECEIPT, MESSAGES],
  },
  insufficient_funds: {
    meaning: "The customer's account did not have the money for this payment.",
    evidence: [RECEIPT, JOB_RECORD],
  },
  noncompliant: {
    meaning: "The card network says the payment broke one of its rules.",
    evidence: [RECEIPT, JOB_RECORD, "How the customer agreed to pay (the booking and its terms)."],
  },
  general: {
    meaning: "The bank gave no specific reason.",
    evidence: [JOB_RECORD, RECEIPT, MESSAGES, "Anything else that shows the work was booked and done."],
  },
};

/** A reason Stripe adds later still gets words. */
export function disputeReasonWords(reason: string): DisputeReasonWords & { label: string } {
  const words = DISPUTE_REASONS[reason] ?? DISPUTE_REASONS.general;
  return { label: reason.replaceAll("_", " "), ...(words ?? { meaning: "", evidence: [] }) };
}

const STATUS: Readonly<Record<string, string>> = {
  warning_needs_response: "Inquiry: the bank asks for information before it becomes a dispute",
  warning_under_review: "Inquiry under review by the bank",
  warning_closed: "Inquiry closed without a dispute",
  needs_response: "Needs your response",
  under_review: "Evidence sent: the bank is deciding",
  won: "Won: the money stays with you",
  lost: "Lost: the money went back to the customer",
  prevented: "Prevented: no dispute was opened",
};

export function disputeStatusWords(status: string): string {
  return STATUS[status] ?? status.replaceAll("_", " ");
}
