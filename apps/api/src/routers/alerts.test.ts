// Payout alerts through createCaller on a real database: open and resolved alerts with who is affected, the last
// check, tenant scoping, and "Check payouts now" queuing a real job.
import { recordPayoutCheckRun, syncAlerts } from "@fieldpay/db/repositories/alerts";
import { findQueuedJob } from "@fieldpay/db/repositories/job-queue";
import { insertUser } from "@fieldpay/db/repositories/users";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installJobQueue } from "../ops/testing/install-job-queue.ts";
import { callerFor, newBusiness, rejection, testDeps } from "../testing/harness.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  installJobQueue(t.url);
});
afterAll(async () => {
  await t.drop();
});

const finding = (key: string, accountId: string, fieldworkerId: string | null) => ({
  key,
  kind: "late",
  severity: "critical" as const,
  accountId,
  fieldworkerId,
  payoutId: "po_1",
  title: "Payout is late",
  explanation: `Late on ${accountId}.`,
  fix: "Check the payout schedules in your Stripe dashboard.",
  since: new Date("2026-11-20T00:00:00Z"),
});

describe("alerts", () => {
  it("lists open and resolved payout alerts with who is affected and the last check", async () => {
    const a = await newBusiness(t.db, "alerts-a");
    const b = await newBusiness(t.db, "alerts-b");
    const tenantId = a.auth.tenant.id;
    const fay = await insertUser(t.db, {
      tenant_id: tenantId,
      role: "fieldworker",
      email: "fay@a.test",
      name: "Fay",
      password_hash: null,
    });
    const sync = (findings: ReturnType<typeof finding>[]) =>
      syncAlerts(t.db, {
        tenantId,
        findings,
        kinds: ["late"],
        checkedAccounts: ["acct_biz", "acct_fay"],
        watchedAccounts: ["acct_biz", "acct_fay"],
      });
    await sync([finding("late:biz", "acct_biz", null), finding("late:fay", "acct_fay", fay.id)]);
    await sync([finding("late:fay", "acct_fay", fay.id)]);
    await recordPayoutCheckRun(t.db, {
      tenant_id: tenantId,
      trigger: "manual",
      accounts_checked: 2,
      accounts_failed: 0,
      findings: 1,
      started_at: new Date(),
    });
    await syncAlerts(t.db, {
      tenantId: b.auth.tenant.id,
      findings: [finding("late:b", "acct_b_only", null)],
      kinds: ["late"],
      checkedAccounts: ["acct_b_only"],
      watchedAccounts: ["acct_b_only"],
    });

    const list = await callerFor(testDeps(t.db), a.auth).caller.alerts.list();
    expect(list.open.map((x) => [x.who, x.accountId, x.severity])).toEqual([["Fay", "acct_fay", "critical"]]);
    expect(list.resolved.map((x) => [x.who, x.accountId])).toEqual([["Your business", "acct_biz"]]);
    expect(list.resolved[0]?.resolvedAt).toBeInstanceOf(Date);
    expect(list.lastCheck).toMatchObject({ accountsChecked: 2, accountsFailed: 0, findings: 1 });
    expect(JSON.stringify(list)).not.toContain("acct_b_only");
  });

  it("dismisses an open alert until it clears, shows it again on request or when it gets worse", async () => {
    const a = await newBusiness(t.db, "alerts-dismiss");
    const tenantId = a.auth.tenant.id;
    const { caller } = callerFor(testDeps(t.db), a.auth);
    const sync = (severity: "warning" | "critical", findings = [finding("paused:biz", "acct_biz", null)]) =>
      syncAlerts(t.db, {
        tenantId,
        findings: findings.map((f) => ({ ...f, severity })),
        kinds: ["late"],
        checkedAccounts: ["acct_biz"],
        watchedAccounts: ["acct_biz"],
      });
    await sync("warning");
    const [alert] = (await caller.alerts.list()).open;
    if (!alert) throw new Error("no open alert");
    expect(await caller.alerts.setDismissed({ alertId: alert.id, dismissed: true })).toEqual({
      dismissed: true,
    });
    let list = await caller.alerts.list();
    expect(list.open).toEqual([]);
    expect(list.dismissed.map((x) => [x.id, x.dismissedAt instanceof Date])).toEqual([[alert.id, true]]);
    // The next check finds the same condition: it stays dismissed.
    await sync("warning");
    expect((await caller.alerts.list()).dismissed.map((x) => x.id)).toEqual([alert.id]);
    // Worse now: it is open again, the same alert.
    await sync("critical");
    list = await caller.alerts.list();
    expect(list.open.map((x) => [x.id, x.severity, x.dismissedAt])).toEqual([[alert.id, "critical", null]]);
    await caller.alerts.setDismissed({ alertId: alert.id, dismissed: true });
    await caller.alerts.setDismissed({ alertId: alert.id, dismissed: false });
    expect((await caller.alerts.list()).open.map((x) => x.id)).toEqual([alert.id]);
    // Cleared: resolved, and no longer something to dismiss.
    await sync("critical", []);
    const refused = await rejection(caller.alerts.setDismissed({ alertId: alert.id, dismissed: true }));
    expect(refused).toMatchObject({ code: "NOT_FOUND", message: "This alert is not open any more." });
  });

  it("queues one payout check for the session's business", async () => {
    const a = await newBusiness(t.db, "alerts-run");
    const { caller } = callerFor(testDeps(t.db), a.auth);
    expect(await caller.alerts.checkPayoutsNow()).toEqual({ queued: true });
    expect(await caller.alerts.checkPayoutsNow()).toEqual({ queued: true });
    const rows = await findQueuedJob(t.db, `check_payouts:${a.auth.tenant.id}`);
    expect(rows.map((r) => r.task)).toEqual(["check_payouts"]);
    expect((await caller.alerts.list()).running).toBe(true);
  });

  it("asks for a health report when payment settings are saved", async () => {
    const a = await newBusiness(t.db, "alerts-settings");
    await callerFor(testDeps(t.db), a.auth).caller.paymentSettings.update({
      mode: "direct",
      publishableKey: "pk_test_fieldpayFake5678",
      secretKey: "sk_test_fieldpayFake1234",
      connectAccountType: "express",
      commissionPercent: "0",
      commissionFixed: "0",
      currency: "usd",
    });
    const rows = await findQueuedJob(t.db, `health_report:${a.auth.tenant.id}`);
    expect(rows.map((r) => r.payload)).toEqual([{ tenantId: a.auth.tenant.id, trigger: "settings_changed" }]);
  });
});
