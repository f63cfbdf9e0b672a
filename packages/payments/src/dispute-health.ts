// The health report's check of disputes waiting for the business's evidence: failing when a deadline is within
// 72 hours (or passed), a warning while any is waiting, passing when none is.
import { buildCheck, type CheckFinding, type HealthCheck } from "./health.ts";
import { formatMoney } from "./money/format.ts";

export const DISPUTE_CRITICAL_WITHIN_MS = 72 * 60 * 60 * 1000;

export interface WaitingDispute {
  amount: number;
  currency: string;
  reason: string;
  dueBy: Date | null;
  customerName: string;
  /** A Standard account's direct charge: the fieldworker's account answers it, not the business. */
  onFieldworkerAccount: boolean;
}

const when = (date: Date) =>
  `${date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

/** Whether a dispute's evidence deadline is close enough (or past) to be critical. */
export function disputeDeadlineNear(dueBy: Date | null, now: Date): boolean {
  return dueBy !== null && dueBy.getTime() - now.getTime() <= DISPUTE_CRITICAL_WITHIN_MS;
}

export function checkOpenDisputes(input: { disputes: readonly WaitingDispute[]; now: Date }): HealthCheck {
  const findings: CheckFinding[] = input.disputes.map((d) => {
    const amount = formatMoney(d.amount, d.currency, "en-US");
    const due = d.dueBy ? `evidence is due by ${when(d.dueBy)}` : "no deadline given yet";
    const text = `${d.customerName}'s bank disputes a payment of ${amount} (${d.reason.replaceAll("_", " ")}): ${due}.`;
    const fix = d.onFieldworkerAccount
      ? "Ask the fieldworker to answer it from their own Stripe account before the deadline."
      : "Open Disputes in fieldpay, check the evidence filled in from the booking, and submit it before the deadline; a dispute left unanswered is lost.";
    return { status: disputeDeadlineNear(d.dueBy, input.now) ? "fail" : "warn", text, fix };
  });
  return buildCheck(
    "disputes",
    "Disputes answered in time",
    findings,
    "No dispute is waiting for your evidence.",
  );
}
