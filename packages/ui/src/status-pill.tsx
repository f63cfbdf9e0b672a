// The one status vocabulary: every status a page shows (a booking's, a payment's, a refund's, a payout's, a
// dispute's, a fieldworker's Stripe account's, a health check's) in plain words with a tone. Stripe's own codes
// (requires_payment_method, succeeded, in_transit…) never reach the page: a code without words here is shown as
// "Being updated", and the unit test enumerates every list so a new status without words fails.
import { disputeStatusWords } from "@fieldpay/payments/dispute-reasons";
import type { ReactNode } from "react";

export type Tone = "good" | "warn" | "bad" | "neutral";

export function StatusPill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}

interface PillText {
  readonly label: string;
  readonly tone: Tone;
}

/** A booking's status (packages/db's BookingStatus; apps/web's booking-status test holds the two together). */
export const BOOKING_STATUSES = [
  "pending_payment",
  "requires_action",
  "paid",
  "payment_failed",
  "partially_refunded",
  "refunded",
  "canceled",
  "disputed",
  "deposit_paid",
  "card_saved",
  "authorized",
  "balance_due",
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Stripe's PaymentIntent statuses. */
export const PAYMENT_STATUSES = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "canceled",
  "succeeded",
] as const;

/** Stripe's Refund statuses. */
export const REFUND_STATUSES = ["pending", "requires_action", "succeeded", "failed", "canceled"] as const;

/** Stripe's Payout statuses. */
export const PAYOUT_STATUSES = ["pending", "in_transit", "paid", "failed", "canceled"] as const;

/** Stripe's Dispute statuses. */
export const DISPUTE_STATUSES = [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
] as const;

/** A fieldworker's connected account, as fieldpay derives it (packages/db's FieldworkerAccountStatus). */
export const ACCOUNT_STATUSES = [
  "not_connected",
  "onboarding_incomplete",
  "pending_verification",
  "restricted",
  "active",
  "deauthorized",
] as const;
export type FieldworkerAccountStatus = (typeof ACCOUNT_STATUSES)[number];
/** The four states derived from Stripe's account object. */
export type AccountStatus = Exclude<FieldworkerAccountStatus, "not_connected" | "deauthorized">;

/**
 * A fieldworker's invitation, as fieldpay derives it (apps/api's InvitationState); "replaced" is a withdrawn one
 * that "Send again" (or a newer invitation to the same address) closed.
 */
export const INVITATION_STATUSES = ["open", "accepted", "revoked", "replaced", "expired"] as const;

/** The outcome of one health check (keys valid, webhooks arriving, payouts on time…). */
export const CHECK_STATUSES = ["pass", "warn", "fail"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

const pill = (label: string, tone: Tone): PillText => ({ label, tone });

const BOOKING: Readonly<Record<BookingStatus, PillText>> = {
  pending_payment: pill("Awaiting payment", "warn"),
  requires_action: pill("Waiting for the bank's check", "warn"),
  paid: pill("Paid", "good"),
  payment_failed: pill("Payment failed", "bad"),
  partially_refunded: pill("Partly refunded", "neutral"),
  refunded: pill("Refunded", "neutral"),
  canceled: pill("Canceled", "neutral"),
  disputed: pill("Disputed", "bad"),
  deposit_paid: pill("Deposit paid", "good"),
  card_saved: pill("Card saved", "neutral"),
  authorized: pill("Amount held on card", "neutral"),
  balance_due: pill("Balance due", "bad"),
};

const PAYMENT: Readonly<Record<(typeof PAYMENT_STATUSES)[number], PillText>> = {
  requires_payment_method: pill("Waiting for a card", "warn"),
  requires_confirmation: pill("Waiting for the customer", "warn"),
  requires_action: pill("Waiting for the bank's check", "warn"),
  processing: pill("Being confirmed", "neutral"),
  requires_capture: pill("Amount held on card", "neutral"),
  canceled: pill("Canceled", "neutral"),
  succeeded: pill("Paid", "good"),
};

const REFUND: Readonly<Record<(typeof REFUND_STATUSES)[number], PillText>> = {
  pending: pill("On its way back", "neutral"),
  requires_action: pill("Needs the customer", "warn"),
  succeeded: pill("Refunded", "good"),
  failed: pill("Failed", "bad"),
  canceled: pill("Canceled", "neutral"),
};

const PAYOUT: Readonly<Record<(typeof PAYOUT_STATUSES)[number], PillText>> = {
  pending: pill("Scheduled", "neutral"),
  in_transit: pill("On its way to the bank", "neutral"),
  paid: pill("In the bank", "good"),
  failed: pill("Failed", "bad"),
  canceled: pill("Canceled", "neutral"),
};

const disputeTone: Readonly<Record<(typeof DISPUTE_STATUSES)[number], Tone>> = {
  warning_needs_response: "bad",
  warning_under_review: "warn",
  warning_closed: "good",
  needs_response: "bad",
  under_review: "warn",
  won: "good",
  lost: "bad",
  prevented: "good",
};

// Worded for admins and fieldworkers, not in Stripe's vocabulary: "restricted" means payouts are blocked.
const ACCOUNT: Readonly<Record<FieldworkerAccountStatus, PillText>> = {
  not_connected: pill("Not connected", "neutral"),
  onboarding_incomplete: pill("Onboarding incomplete", "warn"),
  pending_verification: pill("Pending verification", "neutral"),
  restricted: pill("Restricted", "bad"),
  active: pill("Active", "good"),
  deauthorized: pill("Disconnected", "bad"),
};

const INVITATION: Readonly<Record<(typeof INVITATION_STATUSES)[number], PillText>> = {
  open: pill("Waiting", "neutral"),
  accepted: pill("Accepted", "good"),
  revoked: pill("Withdrawn", "warn"),
  replaced: pill("Replaced by a newer one", "neutral"),
  expired: pill("Expired", "warn"),
};

const CHECK: Readonly<Record<CheckStatus, PillText>> = {
  pass: pill("Passed", "good"),
  warn: pill("Warning", "warn"),
  fail: pill("Failed", "bad"),
};

const VOCABULARY = {
  booking: BOOKING,
  payment: PAYMENT,
  refund: REFUND,
  payout: PAYOUT,
  dispute: Object.fromEntries(
    Object.entries(disputeTone).map(([status, tone]) => [status, pill(disputeStatusWords(status), tone)]),
  ),
  account: ACCOUNT,
  invitation: INVITATION,
  check: CHECK,
} satisfies Record<string, Readonly<Record<string, PillText>>>;

export type StatusKind = keyof typeof VOCABULARY;

/** Shown for a code Stripe adds later, until it has words: never the code itself. */
const UNKNOWN = pill("Being updated", "neutral");

/** A status in words with its tone. `status` is a string because Stripe's lists grow. */
export function statusWords(kind: StatusKind, status: string): PillText {
  const table: Readonly<Record<string, PillText>> = VOCABULARY[kind];
  return Object.hasOwn(table, status) ? (table[status] ?? UNKNOWN) : UNKNOWN;
}

/** The one way a page shows a status: its words in a pill whose colour never carries the meaning alone. */
export function Status({ kind, status }: { kind: StatusKind; status: string }) {
  const { label, tone } = statusWords(kind, status);
  return <StatusPill tone={tone}>{label}</StatusPill>;
}

export function accountStatusLabel(status: FieldworkerAccountStatus): string {
  return ACCOUNT[status].label;
}

export function AccountStatusPill({ status }: { status: FieldworkerAccountStatus }) {
  return <Status kind="account" status={status} />;
}

export function CheckStatusPill({ status }: { status: CheckStatus }) {
  return <Status kind="check" status={status} />;
}
