// A health check that starts failing emails each admin once (unless they turned health emails off); the next
// hourly reports, still failing, write nothing more.
import { randomUUID } from "node:crypto";
import { setOptOut } from "@fieldpay/db/repositories/email-preferences";
import { insertUser } from "@fieldpay/db/repositories/users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHealthReport } from "../jobs/health-report.ts";
import { seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";

let kit: WorkerTestKit;
beforeAll(async () => {
  kit = await workerTestKit();
});
afterAll(() => kit.t.drop());

describe("health check emails", () => {
  it("a check newly failing is emailed to each admin once, not at every report", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox);
    // No Stripe keys saved: "Payment integration set up" fails at every report.
    await kit.t.db.deleteFrom("payment_settings").where("tenant_id", "=", tenantId).execute();
    const admin = (name: string) =>
      insertUser(kit.t.db, {
        tenant_id: tenantId,
        role: "admin",
        email: `${name}-${randomUUID().slice(0, 6)}@biz.test`,
        name,
        password_hash: null,
      });
    const [ada, bo] = [await admin("ada"), await admin("bo")];
    await setOptOut(kit.t.db, { tenantId, userId: bo.id }, "health", true);
    for (const trigger of ["scheduled", "scheduled", "manual"] as const) {
      await runHealthReport(kit.deps, { tenantId, trigger });
    }
    const emails = await kit.t.db
      .selectFrom("emails")
      .select(["user_id", "status", "props"])
      .where("tenant_id", "=", tenantId)
      .where("template", "=", "health_failing")
      .execute();
    expect(emails.map((e) => [e.user_id, e.status]).sort()).toEqual(
      [
        [ada.id, "queued"],
        [bo.id, "suppressed"],
      ].sort(),
    );
    expect(emails[0]?.props).toMatchObject({
      title: "Payment integration set up",
      fix: expect.stringContaining("enter your Publishable key and Secret key"),
    });
  });
});
