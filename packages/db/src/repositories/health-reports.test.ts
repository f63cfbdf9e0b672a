// Report history on a real database: 30 days kept (never fewer than the newest 20), other businesses untouched.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { listHealthReports, REPORTS_ALWAYS_KEPT, saveHealthReport } from "./health-reports.ts";
import { insertTenant } from "./tenants.ts";

const t = useTestDatabase();

const DAY = 86_400_000;
const checks = [
  { id: "keys", title: "Keys", status: "pass" as const, explanation: "Fine.", fix: "Nothing to do." },
];

async function oldReports(tenantId: string, daysAgo: number[]) {
  await t.db
    .insertInto("health_reports")
    .values(
      daysAgo.map((days) => ({
        tenant_id: tenantId,
        trigger: "scheduled" as const,
        status: "pass" as const,
        checks: JSON.stringify(checks),
        created_at: new Date(Date.now() - days * DAY),
      })),
    )
    .execute();
}

const count = async (tenantId: string) => (await listHealthReports(t.db, tenantId, 1000)).length;

describe("saveHealthReport keeps a bounded history", () => {
  it("drops reports older than 30 days beyond the newest 20, for this business only", async () => {
    const a = await insertTenant(t.db, { slug: "reports-a", name: "A" });
    const b = await insertTenant(t.db, { slug: "reports-b", name: "B" });
    // 25 recent (under 30 days) and 10 old reports each.
    const recent = Array.from({ length: 25 }, (_, i) => i + 1);
    const old = Array.from({ length: 10 }, (_, i) => 40 + i);
    await oldReports(a.id, [...recent, ...old]);
    await oldReports(b.id, [...recent, ...old]);
    await saveHealthReport(t.db, { tenantId: a.id, trigger: "manual", checks });
    expect(await count(a.id)).toBe(26);
    expect(await count(b.id)).toBe(35);
  });

  it("keeps the newest 20 however old they are", async () => {
    const c = await insertTenant(t.db, { slug: "reports-c", name: "C" });
    await oldReports(
      c.id,
      Array.from({ length: 30 }, (_, i) => 100 + i),
    );
    await saveHealthReport(t.db, { tenantId: c.id, trigger: "manual", checks });
    expect(await count(c.id)).toBe(REPORTS_ALWAYS_KEPT);
    const [newest] = await listHealthReports(t.db, c.id, 1);
    expect(newest?.trigger).toBe("manual");
  });
});
