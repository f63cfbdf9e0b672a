// "A health check newly failing": each admin hears once when a check turns to failing, not at every hourly
// report while it stays so. The dedupe key names the report before it, so two reports racing on the same
// history write one email, and a check that recovers and fails again is news again.
import type { Db } from "@fieldpay/db/client";
import type { HealthReportRow, StoredCheck } from "@fieldpay/db/repositories/health-reports";
import { queueForAdmins } from "./admin-emails.ts";
import { appLink } from "./app-link.ts";

/** The ids of the checks a stored report (JSON) had failing. */
function failingIds(report: Pick<HealthReportRow, "checks"> | undefined): Set<string> {
  const checks: readonly unknown[] = Array.isArray(report?.checks) ? report.checks : [];
  return new Set(
    checks.flatMap((c) =>
      typeof c === "object" && c !== null && "status" in c && c.status === "fail" && "id" in c
        ? [String(c.id)]
        : [],
    ),
  );
}

/** Returns how many emails were queued now. */
export async function queueHealthFailingEmails(
  trx: Db,
  input: {
    tenantId: string;
    checks: readonly StoredCheck[];
    previous: Pick<HealthReportRow, "id" | "checks"> | undefined;
    webOrigin: string;
  },
): Promise<number> {
  const before = failingIds(input.previous);
  let queued = 0;
  for (const check of input.checks) {
    if (check.status !== "fail" || before.has(check.id)) continue;
    queued += await queueForAdmins(trx, {
      tenantId: input.tenantId,
      template: "health_failing",
      props: {
        title: check.title,
        explanation: check.explanation,
        fix: check.fix,
        link: appLink(input.webOrigin, "/app/health"),
      },
      dedupeKey: `health_failing:${check.id}:${input.previous?.id ?? "first"}`,
    });
  }
  return queued;
}
