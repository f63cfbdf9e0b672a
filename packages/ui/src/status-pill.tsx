import type { ReactNode } from "react";

export type Tone = "good" | "warn" | "bad" | "neutral";

export function StatusPill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}

/** A fieldworker's connected account, as fieldpay derives it from Stripe's account object. */
export type AccountStatus = "onboarding_incomplete" | "pending_verification" | "restricted" | "active";

interface PillText {
  readonly label: string;
  readonly tone: Tone;
}

// Worded for admins and fieldworkers, not in Stripe's vocabulary: "restricted" means payouts are blocked.
const ACCOUNT_STATUS: Readonly<Record<AccountStatus, PillText>> = {
  onboarding_incomplete: { label: "Onboarding incomplete", tone: "warn" },
  pending_verification: { label: "Pending verification", tone: "neutral" },
  restricted: { label: "Restricted", tone: "bad" },
  active: { label: "Active", tone: "good" },
};

export function accountStatusLabel(status: AccountStatus): string {
  return ACCOUNT_STATUS[status].label;
}

export function AccountStatusPill({ status }: { status: AccountStatus }) {
  const { label, tone } = ACCOUNT_STATUS[status];
  return <StatusPill tone={tone}>{label}</StatusPill>;
}

/** The outcome of one health check (keys valid, webhooks arriving, payouts on time…). */
export type CheckStatus = "pass" | "warn" | "fail";

const CHECK_STATUS: Readonly<Record<CheckStatus, PillText>> = {
  pass: { label: "Passed", tone: "good" },
  warn: { label: "Warning", tone: "warn" },
  fail: { label: "Failed", tone: "bad" },
};

export function CheckStatusPill({ status }: { status: CheckStatus }) {
  const { label, tone } = CHECK_STATUS[status];
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
