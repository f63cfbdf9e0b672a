// The admin's alert for each dispute waiting for evidence, in plain words: raised in the dispute event's
// transaction and refreshed by the 15-minute pass, critical once the deadline is within 72 hours.
import type { Db } from "@fieldpay/db/client";
import {
  type DisputeAwaitingEvidence,
  listDisputesAwaitingEvidence,
  syncDisputeAlerts,
} from "@fieldpay/db/repositories/dispute-alerts";
import { disputeDeadlineNear } from "@fieldpay/payments/dispute-health";
import { disputeReasonWords } from "@fieldpay/payments/dispute-reasons";
import { formatMoney } from "@fieldpay/payments/money/format";

const when = (date: Date) =>
  `${date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

export function disputeAlertWords(d: DisputeAwaitingEvidence) {
  const amount = formatMoney(d.amount, d.currency, "en-US");
  const reason = disputeReasonWords(d.reason);
  const due = d.evidence_due_by ? when(new Date(d.evidence_due_by)) : null;
  return {
    title: `${d.customer_name} disputes ${amount}${due ? `: evidence due by ${due}` : ""}`,
    explanation:
      `${d.customer_name}'s bank took back ${amount} for ${d.service_name} (reason: ${reason.label}). ` +
      `${reason.meaning} Unanswered, the dispute is lost and Stripe's dispute fee is kept.`,
    fix: d.on_account
      ? `This charge is on the fieldworker's own Stripe account, so their account answers it: ask them to respond in their Stripe Dashboard${due ? ` before ${due}` : ""}.`
      : `Open Disputes in fieldpay, check the evidence filled in from the booking and submit it${due ? ` before ${due}` : ""}.`,
  };
}

/** Raises, refreshes and resolves dispute alerts of one business (tenantId) or of all of them (null). */
export async function refreshDisputeAlerts(db: Db, input: { tenantId: string | null; now: Date }) {
  const waiting = await listDisputesAwaitingEvidence(db, input.tenantId);
  return syncDisputeAlerts(
    db,
    { tenantId: input.tenantId },
    waiting.map((d) => ({
      tenantId: d.tenant_id,
      disputeId: d.id,
      severity: disputeDeadlineNear(d.evidence_due_by ? new Date(d.evidence_due_by) : null, input.now)
        ? "critical"
        : "warning",
      since: new Date(d.stripe_created_at),
      ...disputeAlertWords(d),
    })),
  );
}
