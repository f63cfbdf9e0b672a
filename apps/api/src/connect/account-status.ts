// A fieldworker's connected account in plain words, from what we stored. Stored requirements are Stripe's own
// (snake_case) requirement fields, whether they came from a webhook's Account object or a fresh retrieve, so the
// same summariseConnectedAccount turns either into a status, a headline and the things still needed.
import type { AccountSnapshot, FieldworkerAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import type { ConnectAccountType, FieldworkerAccountStatus } from "@fieldpay/db/schema";
import { summariseConnectedAccount } from "@fieldpay/payments/account-summary";
import type { ConnectedAccount } from "@fieldpay/payments/strategy";

type SummaryInput = Parameters<typeof summariseConnectedAccount>[0];

export interface PlainItem {
  label: string;
  action: string;
}

export interface AccountStatusView {
  status: FieldworkerAccountStatus;
  headline: string;
  connected: boolean;
  accountType: ConnectAccountType | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** Needed now, in plain words (past due first). */
  due: PlainItem[];
  /** Sent and being checked by Stripe. */
  verifying: PlainItem[];
  reason: { title: string; explanation: string; fix: string } | null;
  problems: { label: string; reason: string }[];
  deadline: string | null;
  checkedAt: Date | null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** Stripe's requirement fields as we keep them (the shape of `account.requirements` on the Account object). */
export function requirementsOf(account: ConnectedAccount): Record<string, unknown> {
  const r = account.requirements;
  return {
    currently_due: r.currentlyDue,
    eventually_due: r.eventuallyDue,
    past_due: r.pastDue,
    pending_verification: r.pendingVerification,
    disabled_reason: r.disabledReason,
    current_deadline: r.currentDeadline,
  };
}

// summariseConnectedAccount reads only these fields of an Account; the rest of Stripe's object is not stored.
function summaryInput(row: {
  id: string;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  requirements: Record<string, unknown>;
}): SummaryInput {
  const r = row.requirements;
  const errors = Array.isArray(r.errors) ? r.errors.filter(isRequirementError) : [];
  const account = {
    id: row.id,
    object: "account",
    details_submitted: row.details_submitted,
    charges_enabled: row.charges_enabled,
    payouts_enabled: row.payouts_enabled,
    requirements: {
      currently_due: strings(r.currently_due),
      eventually_due: strings(r.eventually_due),
      past_due: strings(r.past_due),
      pending_verification: strings(r.pending_verification),
      disabled_reason: typeof r.disabled_reason === "string" ? r.disabled_reason : null,
      current_deadline: typeof r.current_deadline === "number" ? r.current_deadline : null,
      errors,
    },
  };
  return account as SummaryInput;
}

function isRequirementError(value: unknown): value is { requirement: string; reason: string; code: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "requirement" in value &&
    typeof value.requirement === "string" &&
    "reason" in value &&
    typeof value.reason === "string"
  );
}

/** What a fresh retrieve says, as the snapshot applyAccountSnapshot stores. */
export function snapshotOf(account: ConnectedAccount): AccountSnapshot {
  const requirements = requirementsOf(account);
  const summary = summariseConnectedAccount(
    summaryInput({
      id: account.id,
      details_submitted: account.detailsSubmitted,
      charges_enabled: account.chargesEnabled,
      payouts_enabled: account.payoutsEnabled,
      requirements,
    }),
  );
  return {
    status: summary.status,
    chargesEnabled: account.chargesEnabled,
    payoutsEnabled: account.payoutsEnabled,
    detailsSubmitted: account.detailsSubmitted,
    requirements,
    capabilities: account.capabilities,
  };
}

const NOT_CONNECTED = "No Stripe account connected yet";
const DEAUTHORIZED = "Stripe account disconnected from this business";

const plainItems = (items: { label: string; action: string }[]) =>
  items.map(({ label, action }) => ({ label, action }));

/** The view of a stored account row (or of none: the fieldworker has not started onboarding). */
export function accountStatusView(row: FieldworkerAccount | null | undefined): AccountStatusView {
  const base = {
    accountType: row?.account_type ?? null,
    chargesEnabled: row?.charges_enabled ?? false,
    payoutsEnabled: row?.payouts_enabled ?? false,
    detailsSubmitted: row?.details_submitted ?? false,
    checkedAt: row?.stripe_event_at ?? null,
  };
  const empty = { due: [], verifying: [], reason: null, problems: [], deadline: null };
  if (!row?.stripe_account_id) {
    return { ...base, ...empty, status: "not_connected", headline: NOT_CONNECTED, connected: false };
  }
  if (row.status === "deauthorized") {
    return { ...base, ...empty, status: "deauthorized", headline: DEAUTHORIZED, connected: false };
  }
  const summary = summariseConnectedAccount(summaryInput({ ...row, id: row.stripe_account_id }));
  return {
    ...base,
    status: summary.status,
    headline: summary.headline,
    connected: true,
    due: plainItems(summary.due),
    verifying: plainItems(summary.verifying),
    reason: summary.reason
      ? { title: summary.reason.title, explanation: summary.reason.explanation, fix: summary.reason.fix }
      : null,
    problems: summary.problems,
    deadline: summary.deadline,
  };
}
