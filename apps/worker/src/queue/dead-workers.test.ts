// A job locked by a worker whose process died is freed by the sweep; one locked by a worker alive is left alone.
import { enqueueJob } from "@fieldpay/db/repositories/job-queue";
import { quietLog } from "@fieldpay/payments/testing/log-capture";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { startWorkerLiveness, type WorkerLiveness } from "./dead-workers.ts";

let kit: WorkerTestKit;
let liveness: WorkerLiveness;
beforeAll(async () => {
  kit = await workerTestKit();
  liveness = startWorkerLiveness({ db: kit.t.db, databaseUrl: kit.t.url, log: quietLog("worker") });
});
afterAll(async () => {
  await liveness.stop();
  await kit.t.drop();
});

/** A job as a worker leaves it while running it: locked, a minute ago. */
async function lockedBy(workerId: string, key: string) {
  await enqueueJob(kit.t.db, { task: "charge_after_job", payload: {}, jobKey: key });
  // The test stands in for a worker that took the job: graphile-worker's own table, as its getJobs writes it.
  await sql`update graphile_worker._private_jobs set locked_by = ${workerId}, locked_at = now() - interval '1 minute'
    where key = ${key}`.execute(kit.t.db);
}

const lockOf = async (key: string) =>
  (
    await sql<{
      locked_by: string | null;
    }>`select locked_by from graphile_worker.jobs where key = ${key}`.execute(kit.t.db)
  ).rows[0]?.locked_by;

describe("jobs of workers that died", () => {
  it("are unlocked by the sweep, and a live worker's are not", async () => {
    await liveness.markAlive("worker-alive");
    await lockedBy("worker-dead", "after_job:dead");
    await lockedBy("worker-alive", "after_job:alive");

    expect(await liveness.sweep()).toEqual(["worker-dead"]);
    expect(await lockOf("after_job:dead")).toBeNull();
    expect(await lockOf("after_job:alive")).toBe("worker-alive");
  });
});
