// Whether a check the admin asked for (a health report, a payout check) is on its way, and whether it is stuck
// because no worker is taking jobs: the pages keep polling while it runs and say so when it stalls.
import type { Db } from "@fieldpay/db/client";
import { jobProgress } from "@fieldpay/db/repositories/job-queue";

/** A due check that nobody has started for this long (with nothing else running in its queue) is stalled. */
const STALLED_AFTER_SECONDS = 60;

export async function checkProgress(db: Db, jobKey: string): Promise<{ running: boolean; stalled: boolean }> {
  const progress = await jobProgress(db, jobKey, { stalledAfterSeconds: STALLED_AFTER_SECONDS });
  return { running: progress !== "idle", stalled: progress === "stalled" };
}
