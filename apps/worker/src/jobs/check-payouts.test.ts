// Payout delay checks against stripe-mock through a recording proxy: stripe-mock's payout is in transit with an
// arrival date in 2009 and its account has payouts off, so the failing paths come from its fixtures; the proxy
// turns them into passing ones to show alerts resolving themselves.
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  seedBusiness,
  seedFieldworker,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { checkPayouts } from "./check-payouts.ts";

const NOW = new Date("2026-11-25T12:00:00Z");
const proxy = useRecordingProxy();
let kit: WorkerTestKit;

beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url, now: () => NOW });
});
afterAll(async () => {
  await kit.t.drop();
});

const openAlerts = (tenantId: string) =>
  kit.t.db
    .selectFrom("alerts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("resolved_at", "is", null)
    .orderBy("key")
    .execute();

async function connectBusiness() {
  const biz = await seedBusiness(kit.t.db, kit.deps.secretBox);
  const fw = await seedFieldworker(kit.t.db, biz.tenantId, { status: "active", name: "Fay Fieldworker" });
  await seedFieldworker(kit.t.db, biz.tenantId, { stripeAccountId: null, status: "not_connected" });
  await seedFieldworker(kit.t.db, biz.tenantId, { status: "deauthorized" });
  return { tenantId: biz.tenantId, fw: { ...fw, accountId: fw.stripeAccountId ?? "" } };
}

describe("checkPayouts", () => {
  it("emails the fieldworker whose payout is late once, however many checks find it late", async () => {
    const { tenantId, fw } = await connectBusiness();
    await checkPayouts(kit.deps, { tenantId, trigger: "scheduled" });
    await checkPayouts(kit.deps, { tenantId, trigger: "scheduled" });
    const emails = await kit.t.db
      .selectFrom("emails")
      .select(["template", "user_id", "props"])
      .where("tenant_id", "=", tenantId)
      .execute();
    // The business's own late payout is an alert for the admin, not an email to a fieldworker.
    expect(emails.map((e) => [e.template, e.user_id])).toEqual([["payout_late", fw.userId]]);
    expect(emails[0]?.props).toMatchObject({
      name: "Fay Fieldworker",
      expectedDate: expect.stringMatching(/^2009-02-13/),
      fix: expect.stringContaining("ask your bank"),
    });
  });

  it("turns late and paused payouts of the business and each connected fieldworker into alerts", async () => {
    const { tenantId, fw } = await connectBusiness();
    const summary = await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    expect(summary).toMatchObject({ accountsChecked: 2, accountsFailed: 0 });
    const alerts = await openAlerts(tenantId);
    const byAccount = (account: string) =>
      alerts
        .filter((a) => a.account_id === account)
        .map((a) => a.kind)
        .sort();
    expect(byAccount("acct_business")).toEqual(["late", "paused"]);
    expect(byAccount(fw.accountId)).toEqual(["late", "paused"]);
    const late = alerts.find((a) => a.kind === "late" && a.account_id === fw.accountId);
    expect(late).toMatchObject({
      severity: "critical",
      fieldworker_id: fw.userId,
      title: "Payout is late",
      explanation: expect.stringMatching(/expected on 13 Feb 2009 and is still on its way/),
      fix: expect.stringMatching(/Check the payout schedules in your Stripe dashboard/),
    });
    expect(alerts.find((a) => a.kind === "paused")?.severity).toBe("critical");

    // Read-only, with the connected account named on each of its requests, and lists read in pages of 100.
    expect(proxy().sent("POST")).toEqual([]);
    const fwRequests = proxy().requests.filter((r) => r.headers["stripe-account"] === fw.accountId);
    expect(fwRequests.map((r) => r.path).sort()).toEqual([
      "/v1/balance",
      "/v1/balance_transactions",
      "/v1/payouts",
    ]);
    expect(proxy().sent("GET", `/v1/accounts/${fw.accountId}`)).toHaveLength(1);
    const payoutLists = proxy().sent("GET", "/v1/payouts");
    expect(payoutLists).toHaveLength(2);
    expect(payoutLists[0]?.query).toMatchObject({
      limit: "100",
      "created[gte]": String(NOW.getTime() / 1000 - 60 * 86_400),
    });
  });

  it("keeps one alert per condition across checks, and resolves those whose condition cleared", async () => {
    const { tenantId } = await connectBusiness();
    await checkPayouts(kit.deps, { tenantId, trigger: "scheduled" });
    const first = await openAlerts(tenantId);
    await checkPayouts(kit.deps, { tenantId, trigger: "scheduled" });
    expect((await openAlerts(tenantId)).map((a) => [a.id, a.since])).toEqual(
      first.map((a) => [a.id, a.since]),
    );

    proxy().intercept({ path: "/v1/payouts", patch: (body) => ({ ...body, data: paid(body.data) }) });
    proxy().intercept({
      path: /^\/v1\/account(s\/.+)?$/,
      patch: (body) => ({
        ...body,
        payouts_enabled: true,
        requirements: { past_due: [], currently_due: [] },
      }),
    });
    await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    expect(await openAlerts(tenantId)).toEqual([]);
    const resolved = await kit.t.db
      .selectFrom("alerts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(resolved.every((a) => a.resolved_at !== null)).toBe(true);
  });

  it("says which account could not be checked, and leaves that account's alerts as they were", async () => {
    const { tenantId, fw } = await connectBusiness();
    await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    proxy().intercept({
      path: `/v1/accounts/${fw.accountId}`,
      respond: {
        status: 403,
        body: {
          error: {
            type: "invalid_request_error",
            message: "The provided key does not have access to account.",
          },
        },
      },
    });
    const summary = await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    expect(summary).toMatchObject({ accountsChecked: 1, accountsFailed: 1 });
    const alerts = await openAlerts(tenantId);
    const failed = alerts.find((a) => a.kind === "check_failed");
    expect(failed).toMatchObject({
      account_id: fw.accountId,
      fieldworker_id: fw.userId,
      explanation: expect.stringMatching(/Fay Fieldworker's account/),
    });
    expect(failed?.fix).not.toBe("");
    expect(
      alerts
        .filter((a) => a.account_id === fw.accountId)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(["check_failed", "late", "paused"]);
    proxy().reset();
    await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    expect((await openAlerts(tenantId)).some((a) => a.kind === "check_failed")).toBe(false);
    const runs = await kit.t.db
      .selectFrom("payout_check_runs")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(runs.map((r) => r.accounts_failed)).toEqual([0, 1, 0]);
  });

  it("follows Stripe's pagination page by page", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "direct" });
    let pages = 0;
    proxy().intercept({
      path: "/v1/payouts",
      patch: (body) => {
        pages += 1;
        return { ...body, has_more: pages === 1 };
      },
    });
    await checkPayouts(kit.deps, { tenantId, trigger: "manual" });
    const lists = proxy().sent("GET", "/v1/payouts");
    expect(lists).toHaveLength(2);
    expect(lists[0]?.query.starting_after).toBeUndefined();
    expect(lists[1]?.query.starting_after).toMatch(/^po_/);
  });

  it("does nothing for a business without payment settings", async () => {
    expect(
      await checkPayouts(kit.deps, { tenantId: "00000000-0000-4000-8000-000000000000", trigger: "manual" }),
    ).toBeNull();
    expect(proxy().requests).toEqual([]);
  });
});

function paid(data: unknown): unknown {
  return Array.isArray(data) ? data.map((p: Record<string, unknown>) => ({ ...p, status: "paid" })) : data;
}
