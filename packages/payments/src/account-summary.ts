// A connected account's state, as its fieldworker and the business read it: one status, a headline, and what
// Stripe still needs, in the plain words of requirements.ts.
import type Stripe from "stripe";
import {
  describeDisabledReason,
  describeRequirements,
  type PlainReason,
  type PlainRequirement,
} from "./requirements.ts";

export type ConnectedAccountStatus =
  | "onboarding_incomplete"
  | "pending_verification"
  | "restricted"
  | "active";

export interface ConnectedAccountSummary {
  accountId: string;
  status: ConnectedAccountStatus;
  headline: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  reason: PlainReason | null;
  /** Needed now, past due first. */
  due: PlainRequirement[];
  /** Sent and being checked by Stripe. */
  verifying: PlainRequirement[];
  /** What Stripe could not accept, in Stripe's words ("The document has expired."). */
  problems: { label: string; reason: string }[];
  deadline: string | null;
}

const HEADLINES: Record<ConnectedAccountStatus, string> = {
  onboarding_incomplete: "Stripe setup is not finished",
  pending_verification: "Stripe is verifying the details",
  restricted: "Payments or payouts are paused by Stripe",
  active: "Ready for payments and payouts",
};

function statusOf(account: Stripe.Account): ConnectedAccountStatus {
  const reason = account.requirements?.disabled_reason ?? null;
  if (reason?.startsWith("rejected.")) return "restricted";
  if (!account.details_submitted) return "onboarding_incomplete";
  if (account.charges_enabled && account.payouts_enabled) return "active";
  const pastDue = account.requirements?.past_due?.length ?? 0;
  const verifying = account.requirements?.pending_verification?.length ?? 0;
  if (reason === "requirements.pending_verification" || (verifying > 0 && pastDue === 0 && !reason)) {
    return "pending_verification";
  }
  return "restricted";
}

/** A connected account's state for its fieldworker and the business, in plain words. */
export function summariseConnectedAccount(account: Stripe.Account): ConnectedAccountSummary {
  const req = account.requirements;
  const status = statusOf(account);
  const due = describeRequirements([...(req?.past_due ?? []), ...(req?.currently_due ?? [])]);
  const deadline = req?.current_deadline ? new Date(req.current_deadline * 1000).toISOString() : null;
  const action =
    status === "active" && due.length > 0
      ? ` (Stripe needs more details${deadline ? ` by ${deadline.slice(0, 10)}` : ""})`
      : "";
  return {
    accountId: account.id,
    status,
    headline: `${HEADLINES[status]}${action}`,
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    reason: req?.disabled_reason ? describeDisabledReason(req.disabled_reason) : null,
    due,
    verifying: describeRequirements(req?.pending_verification),
    problems: (req?.errors ?? []).map((e) => ({
      label: describeRequirements([e.requirement])[0]?.label ?? e.requirement,
      reason: e.reason,
    })),
    deadline,
  };
}
