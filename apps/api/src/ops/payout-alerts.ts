// The admin's "Payouts & alerts": open alerts (worst first), recently resolved ones, when payouts were last
// checked, and "Check payouts now", which asks the worker for a check.
import type { Db } from "@fieldpay/db/client";
import {
  type AlertRow,
  latestPayoutCheckRun,
  listAlerts,
  setAlertDismissed,
} from "@fieldpay/db/repositories/alerts";
import { jobQueueInstalled, requestPayoutCheck } from "@fieldpay/db/repositories/job-queue";
import { DomainError } from "../errors.ts";
import { checkProgress } from "./check-progress.ts";
import { workerNotReady } from "./health-reports.ts";

async function namesOf(db: Db, tenantId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function alertView(row: AlertRow, names: Map<string, string>) {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    title: row.title,
    explanation: row.explanation,
    fix: row.fix,
    /** Who is affected, in words. */
    who: row.fieldworker_id ? (names.get(row.fieldworker_id) ?? "A former fieldworker") : "Your business",
    accountId: row.account_id,
    connected: row.fieldworker_id !== null,
    payoutId: row.payout_id,
    since: new Date(row.since),
    lastSeenAt: new Date(row.last_seen_at),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    dismissedAt: row.dismissed_at ? new Date(row.dismissed_at) : null,
  };
}

export async function payoutAlertsOverview(db: Db, tenantId: string) {
  const { open, dismissed, resolved } = await listAlerts(db, tenantId);
  const ids = [
    ...new Set(
      [...open, ...dismissed, ...resolved].flatMap((a) => (a.fieldworker_id ? [a.fieldworker_id] : [])),
    ),
  ];
  const names = await namesOf(db, tenantId, ids);
  const run = await latestPayoutCheckRun(db, tenantId);
  return {
    ...(await checkProgress(db, `check_payouts:${tenantId}`)),
    lastCheck: run
      ? {
          finishedAt: new Date(run.finished_at),
          accountsChecked: run.accounts_checked,
          accountsFailed: run.accounts_failed,
          findings: run.findings,
        }
      : null,
    open: open.map((a) => alertView(a, names)),
    dismissed: dismissed.map((a) => alertView(a, names)),
    resolved: resolved.map((a) => alertView(a, names)),
  };
}

export async function checkPayoutsNow(db: Db, tenantId: string) {
  if (!(await jobQueueInstalled(db))) throw workerNotReady();
  await requestPayoutCheck(db, tenantId, "manual");
  return { queued: true };
}

/** Dismisses an open alert (or shows it again); another business's alert is answered like a missing one. */
export async function dismissAlert(
  db: Db,
  auth: { tenantId: string; userId: string },
  input: { alertId: string; dismissed: boolean },
) {
  const changed = await setAlertDismissed(db, {
    tenantId: auth.tenantId,
    alertId: input.alertId,
    dismissed: input.dismissed,
    by: auth.userId,
  });
  if (!changed) {
    throw new DomainError(
      "not_found",
      "This alert is not open any more.",
      "Reload the page: its payout problem may have cleared since.",
    );
  }
  return { dismissed: input.dismissed };
}
