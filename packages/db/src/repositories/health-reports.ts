// Troubleshooting health reports, kept with their history: each is a list of checks (pass/warn/fail, a plain
// explanation and the fix) and the worst of their statuses.
import { type Selectable, sql } from "kysely";
import type { Db } from "../client.ts";
import type { HealthReportsTable } from "../schema.ts";

export type HealthReportRow = Selectable<HealthReportsTable>;
export type ReportStatus = HealthReportRow["status"];

export interface StoredCheck {
  id: string;
  title: string;
  status: ReportStatus;
  explanation: string;
  fix: string;
}

const RANK: Record<ReportStatus, number> = { pass: 0, warn: 1, fail: 2 };

export function worstStatus(checks: readonly { status: ReportStatus }[]): ReportStatus {
  return checks.reduce<ReportStatus>((acc, c) => (RANK[c.status] > RANK[acc] ? c.status : acc), "pass");
}

/** History kept per business: 30 days of reports, and never fewer than the newest 20 however old. */
const REPORT_HISTORY_DAYS = 30;
export const REPORTS_ALWAYS_KEPT = 20;

/** Saves a report and drops the business's reports that have left the kept history (hourly reports add up). */
export async function saveHealthReport(
  db: Db,
  input: { tenantId: string; trigger: HealthReportRow["trigger"]; checks: readonly StoredCheck[] },
): Promise<HealthReportRow> {
  const saved = await db
    .insertInto("health_reports")
    .values({
      tenant_id: input.tenantId,
      trigger: input.trigger,
      status: worstStatus(input.checks),
      checks: JSON.stringify(input.checks),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom("health_reports")
    .where("tenant_id", "=", input.tenantId)
    .where("created_at", "<", sql<Date>`now() - make_interval(days => ${REPORT_HISTORY_DAYS})`)
    .where(
      "id",
      "not in",
      db
        .selectFrom("health_reports")
        .select("id")
        .where("tenant_id", "=", input.tenantId)
        .orderBy("created_at", "desc")
        .limit(REPORTS_ALWAYS_KEPT),
    )
    .execute();
  return saved;
}

/** Newest first. */
export async function listHealthReports(db: Db, tenantId: string, limit = 20): Promise<HealthReportRow[]> {
  return db
    .selectFrom("health_reports")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
