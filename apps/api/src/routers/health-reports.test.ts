// Health reports through createCaller on a real database: the latest report with its history, tenant-scoped,
// and "Run checks now" queuing a real job in the worker's queue (clear refusal while there is no queue yet).
import { saveHealthReport } from "@fieldpay/db/repositories/health-reports";
import { findQueuedJob } from "@fieldpay/db/repositories/job-queue";
import { useTestDatabase } from "@fieldpay/db/testing";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { installJobQueue } from "../ops/testing/install-job-queue.ts";
import { callerFor, newBusiness, rejection, testDeps } from "../testing/harness.ts";

const t = useTestDatabase();

const check = (id: string, status: "pass" | "warn" | "fail") => ({
  id,
  title: `Check ${id}`,
  status,
  explanation: `Explained ${id}.`,
  fix: status === "pass" ? "Nothing to do." : `Fix ${id}.`,
});

describe("healthReports", () => {
  it("lists the business's own reports, newest first, with every check", async () => {
    const a = await newBusiness(t.db, "health-a");
    const b = await newBusiness(t.db, "health-b");
    await saveHealthReport(t.db, {
      tenantId: a.auth.tenant.id,
      trigger: "scheduled",
      checks: [check("keys", "pass")],
    });
    await saveHealthReport(t.db, {
      tenantId: a.auth.tenant.id,
      trigger: "manual",
      checks: [check("keys", "pass"), check("account", "fail")],
    });
    await saveHealthReport(t.db, {
      tenantId: b.auth.tenant.id,
      trigger: "manual",
      checks: [check("b-only", "warn")],
    });
    const { caller } = callerFor(testDeps(t.db), a.auth);
    const list = await caller.healthReports.list();
    expect(list.running).toBe(false);
    expect(list.reports.map((r) => [r.trigger, r.status])).toEqual([
      ["manual", "fail"],
      ["scheduled", "pass"],
    ]);
    expect(list.reports[0]?.checks[1]).toEqual(check("account", "fail"));
    expect(JSON.stringify(list)).not.toContain("b-only");
  });

  it("refuses to run checks, with the reason and the fix, while no worker has set up the queue", async () => {
    const a = await newBusiness(t.db, "health-noqueue");
    const error = await rejection(callerFor(testDeps(t.db), a.auth).caller.healthReports.runNow());
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/worker has not set up its job queue/);
  });

  it("queues one report job for the session's business, however often it is asked", async () => {
    installJobQueue(t.url);
    const a = await newBusiness(t.db, "health-run");
    const { caller } = callerFor(testDeps(t.db), a.auth);
    expect(await caller.healthReports.runNow()).toEqual({ queued: true });
    expect(await caller.healthReports.runNow()).toEqual({ queued: true });
    const rows = await findQueuedJob(t.db, `health_report:${a.auth.tenant.id}`);
    expect(rows).toEqual([
      {
        task: "health_report",
        queue_name: `stripe:${a.auth.tenant.id}`,
        payload: { tenantId: a.auth.tenant.id, trigger: "manual" },
      },
    ]);
    expect(await caller.healthReports.list()).toMatchObject({ running: true, stalled: false });
  });

  it("says a check is stalled when it has been due for a minute and nothing runs in its queue", async () => {
    installJobQueue(t.url);
    const a = await newBusiness(t.db, "health-stalled");
    const tenantId = a.auth.tenant.id;
    const { caller } = callerFor(testDeps(t.db), a.auth);
    await caller.healthReports.runNow();
    const backdate = sql`select graphile_worker.reschedule_jobs(
      array(select id from graphile_worker.jobs where key = ${`health_report:${tenantId}`}),
      run_at => now() - interval '2 minutes')`;
    await backdate.execute(t.db);
    expect(await caller.healthReports.list()).toMatchObject({ running: true, stalled: true });
    // A payout check of the same business running in the shared queue: the report is waiting its turn.
    await caller.alerts.checkPayoutsNow();
    await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'a-worker'
      where key = ${`check_payouts:${tenantId}`}`.execute(t.db);
    expect(await caller.healthReports.list()).toMatchObject({ running: true, stalled: false });
    expect(await caller.alerts.list()).toMatchObject({ running: true, stalled: false });
  });

  it("is for admins only", async () => {
    const error = await rejection(callerFor(testDeps(t.db), null).caller.healthReports.list());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});
