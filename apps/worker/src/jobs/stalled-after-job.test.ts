// A job marked done before the worker had installed its queue (or whose retries ran out) is never left
// uncharged: the 15-minute pass asks for its after-job work again, once, and leaves started or settled jobs alone.
import { requestStalledAfterJobCharges } from "@fieldpay/db/repositories/job-queue";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDoneBooking } from "../testing/after-job-fixture.ts";
import { seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";

let kit: WorkerTestKit;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({});
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "connect" }));
});
afterAll(() => kit.t.drop());

const queued = async (bookingId: string) => {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs where key = ${`after_job:${bookingId}`}`.execute(
    kit.t.db,
  );
  return rows[0]?.n ?? 0;
};
const doneAgo = (bookingId: string, minutes: number) =>
  kit.t.db
    .updateTable("bookings")
    .set({ done_at: new Date(Date.now() - minutes * 60_000) })
    .where("id", "=", bookingId)
    .execute();

describe("done jobs never charged", () => {
  it("are queued again after five minutes, once however often the pass runs; started or paid ones are not", async () => {
    const waiting = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 5_000,
      final: 10_000,
    });
    const fresh = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "card_on_file",
      price: 10_000,
      final: 10_000,
    });
    const paid = await seedDoneBooking(kit.t.db, tenantId, { plan: "full", price: 10_000, final: 10_000 });
    const started = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 5_000,
      final: 10_000,
    });
    for (const b of [waiting, fresh, paid, started])
      if (b.booking.id !== fresh.booking.id) await doneAgo(b.booking.id, 10);
    await kit.t.db
      .insertInto("payments")
      .values({
        tenant_id: tenantId,
        booking_id: started.booking.id,
        attempt: 9,
        status: "requires_payment_method",
        amount: 5_000,
        currency: "usd",
        charge_type: "destination",
        purpose: "balance",
        off_session: true,
      })
      .execute();
    await requestStalledAfterJobCharges(kit.t.db);
    await requestStalledAfterJobCharges(kit.t.db);
    expect(await queued(waiting.booking.id)).toBe(1);
    expect(await queued(fresh.booking.id)).toBe(0);
    expect(await queued(paid.booking.id)).toBe(0);
    expect(await queued(started.booking.id)).toBe(0);
  });
});
