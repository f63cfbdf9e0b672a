import { checkDatabase, type DbHealth } from "@fieldpay/db/health";
import { checkStripeReachable, type StripeReachability } from "@fieldpay/payments/reachability";
import type { ApiDeps } from "./context.ts";

export interface HealthReport {
  ok: boolean;
  service: string;
  database: DbHealth;
  stripe: StripeReachability;
}

export async function healthReport(
  service: string,
  deps: Pick<ApiDeps, "db" | "stripeApiBase">,
): Promise<HealthReport> {
  const [database, stripe] = await Promise.all([
    checkDatabase(deps.db),
    checkStripeReachable(deps.stripeApiBase),
  ]);
  return { ok: database.ok && stripe.ok, service, database, stripe };
}
