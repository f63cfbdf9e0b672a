// The admin's view of troubleshooting health reports: the latest with its history, and "Run checks now", which
// asks the worker for a report (the worker has the Stripe checks; the api only reads and queues).
import type { Db } from "@fieldpay/db/client";
import { listHealthReports } from "@fieldpay/db/repositories/health-reports";
import { jobQueueInstalled, requestHealthReport } from "@fieldpay/db/repositories/job-queue";
import type { Logger } from "pino";
import { z } from "zod";
import { DomainError } from "../errors.ts";
import { checkProgress } from "./check-progress.ts";

export const checkSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["pass", "warn", "fail"]),
  explanation: z.string(),
  fix: z.string(),
});

const reportKey = (tenantId: string) => `health_report:${tenantId}`;

export const workerNotReady = () =>
  new DomainError(
    "conflict",
    "Checks cannot start yet: the fieldpay worker has not set up its job queue in this database.",
    "Start the worker (npm run dev starts everything), then try again.",
  );

export async function healthReportsOverview(db: Db, tenantId: string) {
  const rows = await listHealthReports(db, tenantId, 20);
  return {
    ...(await checkProgress(db, reportKey(tenantId))),
    reports: rows.map((row) => ({
      id: row.id,
      trigger: row.trigger,
      status: row.status,
      createdAt: new Date(row.created_at),
      // Stored by the worker in this shape; anything else in the JSON is dropped here.
      checks: z.array(checkSchema).parse(row.checks),
    })),
  };
}

export async function runHealthChecksNow(db: Db, tenantId: string) {
  if (!(await jobQueueInstalled(db))) throw workerNotReady();
  await requestHealthReport(db, tenantId, "manual");
  return { queued: true };
}

/** After new payment settings are saved: a fresh report, when a worker can make one (never fails the save). */
export async function requestReportAfterSettingsChange(
  deps: { db: Db; log: Logger },
  tenantId: string,
): Promise<void> {
  try {
    if (await jobQueueInstalled(deps.db)) await requestHealthReport(deps.db, tenantId, "settings_changed");
  } catch (error) {
    deps.log.warn({ err: error, tenantId }, "could not queue a health report after a settings change");
  }
}
