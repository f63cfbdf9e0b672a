// Alert bookkeeping on a real database: one open alert per key, first-seen time kept, resolution limited to the
// kinds and accounts a check owns, other businesses untouched.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { type AlertInput, listAlerts, syncAlerts } from "./alerts.ts";
import { insertTenant } from "./tenants.ts";

const t = useTestDatabase();

const alert = (key: string, account: string, extra: Partial<AlertInput> = {}): AlertInput => ({
  key,
  kind: "late",
  severity: "warning",
  accountId: account,
  fieldworkerId: null,
  payoutId: null,
  title: "Payout is late",
  explanation: "Late.",
  fix: "Wait.",
  since: new Date("2026-11-01T00:00:00Z"),
  ...extra,
});

async function tenant(slug: string) {
  return (await insertTenant(t.db, { slug, name: slug })).id;
}

describe("syncAlerts", () => {
  it("keeps one open alert per key, refreshes it and keeps when it started", async () => {
    const tenantId = await tenant("alerts-keep");
    const scope = { tenantId, kinds: ["late"], checkedAccounts: ["acct_a"], watchedAccounts: ["acct_a"] };
    await syncAlerts(t.db, { ...scope, findings: [alert("k1", "acct_a")] });
    await syncAlerts(t.db, {
      ...scope,
      findings: [alert("k1", "acct_a", { severity: "critical", since: new Date("2026-11-20T00:00:00Z") })],
    });
    const { open } = await listAlerts(t.db, tenantId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ severity: "critical", since: new Date("2026-11-01T00:00:00Z") });
  });

  it("resolves only what the check owns, and opens a new alert if the condition comes back", async () => {
    const tenantId = await tenant("alerts-resolve");
    const other = await tenant("alerts-other");
    await syncAlerts(t.db, {
      tenantId: other,
      kinds: ["late"],
      findings: [alert("k1", "acct_a")],
      checkedAccounts: ["acct_a"],
      watchedAccounts: ["acct_a"],
    });
    await syncAlerts(t.db, {
      tenantId,
      kinds: ["late", "dispute"],
      findings: [alert("k1", "acct_a"), alert("k2", "acct_b"), alert("d1", "acct_a", { kind: "dispute" })],
      checkedAccounts: ["acct_a", "acct_b"],
      watchedAccounts: ["acct_a", "acct_b", "acct_gone"],
    });
    // acct_b could not be checked this time: its alert stays; acct_a's cleared; dispute is not this check's.
    const { resolved } = await syncAlerts(t.db, {
      tenantId,
      kinds: ["late"],
      findings: [],
      checkedAccounts: ["acct_a"],
      watchedAccounts: ["acct_a", "acct_b"],
    });
    expect(resolved).toBe(1);
    const now = await listAlerts(t.db, tenantId);
    expect(now.open.map((a) => a.key).sort()).toEqual(["d1", "k2"]);
    expect(now.resolved.map((a) => a.key)).toEqual(["k1"]);
    expect((await listAlerts(t.db, other)).open.map((a) => a.key)).toEqual(["k1"]);

    // An account no longer watched (a fieldworker who left) has its alerts resolved.
    await syncAlerts(t.db, {
      tenantId,
      kinds: ["late"],
      findings: [],
      checkedAccounts: [],
      watchedAccounts: ["acct_a"],
    });
    expect((await listAlerts(t.db, tenantId)).open.map((a) => a.key)).toEqual(["d1"]);

    await syncAlerts(t.db, {
      tenantId,
      kinds: ["late"],
      findings: [alert("k1", "acct_a")],
      checkedAccounts: ["acct_a"],
      watchedAccounts: ["acct_a"],
    });
    const back = await listAlerts(t.db, tenantId);
    expect(back.open.filter((a) => a.key === "k1")).toHaveLength(1);
    expect(back.resolved.filter((a) => a.key === "k1")).toHaveLength(1);
  });
});
