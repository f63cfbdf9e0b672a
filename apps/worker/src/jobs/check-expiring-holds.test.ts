// The 15-minute pass warns about card holds that lapse within a day while the job is not done, once per booking,
// and resolves the warning (and a paid balance's alert) when the booking moves on.
import { recordBalanceDue } from "@fieldpay/db/repositories/after-job-charges";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDoneBooking } from "../testing/after-job-fixture.ts";
import { seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { checkExpiringHolds } from "./check-expiring-holds.ts";

const NOW = new Date("2026-12-03T09:00:00Z");
const HOUR = 3_600_000;
let kit: WorkerTestKit;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({ now: () => NOW });
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox));
});
afterAll(() => kit.t.drop());

/** An authorized booking, not done, whose hold lapses this many hours from NOW. */
async function hold(hours: number) {
  const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
    plan: "authorize",
    price: 15_000,
    final: 15_000,
  });
  await kit.t.db
    .updateTable("bookings")
    .set({
      done_at: null,
      final_amount: null,
      authorization_expires_at: new Date(NOW.getTime() + hours * HOUR),
    })
    .where("id", "=", booking.id)
    .execute();
  return booking.id;
}

const openAlerts = (kind: string) =>
  kit.t.db
    .selectFrom("alerts")
    .select(["key", "title", "explanation", "fix", "severity"])
    .where("tenant_id", "=", tenantId)
    .where("kind", "=", kind)
    .where("resolved_at", "is", null)
    .execute();

describe("card holds about to lapse", () => {
  it("warn once per booking within 24 hours, in plain words, and clear when the job is done", async () => {
    const soon = await hold(10);
    await hold(72);
    const done = await hold(5);
    await kit.t.db.updateTable("bookings").set({ done_at: NOW }).where("id", "=", done).execute();

    await checkExpiringHolds(kit.deps);
    await checkExpiringHolds(kit.deps);
    const alerts = await openAlerts("authorization_expiring");
    expect(alerts).toEqual([
      {
        key: `authorization_expiring:${soon}`,
        severity: "warning",
        title: "A card hold of $150.00 lapses on Dec 3, 2026, 7:00 PM UTC",
        explanation: expect.stringContaining("Casey Customer's card holds $150.00 for Deep clean"),
        fix: "Mark the job done before Dec 3, 2026, 7:00 PM UTC, or fieldpay charges the saved card after the job instead.",
      },
    ]);

    await kit.t.db.updateTable("bookings").set({ done_at: NOW }).where("id", "=", soon).execute();
    expect((await checkExpiringHolds(kit.deps)).holdAlertsResolved).toBe(1);
    expect(await openAlerts("authorization_expiring")).toEqual([]);
  });

  it("resolve a balance-due alert once the customer paid", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
    });
    await kit.t.db.transaction().execute((trx) =>
      recordBalanceDue(trx, {
        tenantId,
        bookingId: booking.id,
        alert: { title: "t", explanation: "e", fix: "f" },
        email: { to: "casey@example.test", userId: null, props: {} },
        moveBooking: true,
      }),
    );
    await checkExpiringHolds(kit.deps);
    expect(await openAlerts("balance_due")).toHaveLength(1);
    await kit.t.db.updateTable("bookings").set({ status: "paid" }).where("id", "=", booking.id).execute();
    await checkExpiringHolds(kit.deps);
    expect(await openAlerts("balance_due")).toEqual([]);
  });
});
