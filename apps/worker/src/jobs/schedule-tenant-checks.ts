// The cron entry point: one payout check or health report job per business with payment settings. Each job has
// the business's key, so a business already waiting for one does not get a second.
import type { Db } from "@fieldpay/db/client";
import { requestHealthReport, requestPayoutCheck } from "@fieldpay/db/repositories/job-queue";

export type ScheduledCheck = "payouts" | "health";

export async function scheduleTenantChecks(deps: { db: Db }, check: ScheduledCheck): Promise<number> {
  const tenants = await deps.db.selectFrom("payment_settings").select("tenant_id").execute();
  for (const { tenant_id } of tenants) {
    if (check === "payouts") await requestPayoutCheck(deps.db, tenant_id, "scheduled");
    else await requestHealthReport(deps.db, tenant_id, "scheduled");
  }
  return tenants.length;
}
