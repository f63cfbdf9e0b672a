// In `npm run dev` the relay plays Stripe's answers to the worker's after-job work: against stateless stripe-mock
// an off-session charge, a prepared capture and a booking's SetupIntent go all the way, once.
import { describe, expect, it } from "vitest";
import { afterJobState, randomId, seedDoneBooking } from "../testing/after-job-fixture.ts";
import { seedBooking } from "../testing/booking-fixture.ts";
import { useWorkerBusiness } from "../testing/worker-test-kit.ts";
import { createRelay } from "./relay.ts";

const env = useWorkerBusiness();
const relay = () =>
  createRelay({
    db: env.kit.t.db,
    secretBox: env.kit.deps.secretBox,
    workerUrl: env.worker.url,
    log: () => {},
  });

describe("the dev relay after the job", () => {
  it("announces the off-session balance, the capture and the saved card, each once", async () => {
    const db = env.kit.t.db;
    const deposit = await seedDoneBooking(db, env.tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
    });
    await db
      .insertInto("payments")
      .values({
        tenant_id: env.tenantId,
        booking_id: deposit.booking.id,
        attempt: 2,
        payment_intent_id: randomId("pi"),
        status: "requires_payment_method",
        amount: 7_000,
        currency: "usd",
        charge_type: "destination",
        fieldworker_account_id: "acct_fwfay",
        application_fee_amount: 700,
        fieldworker_net_amount: 6_300,
        purpose: "balance",
        off_session: true,
      })
      .execute();
    const hold = await seedDoneBooking(db, env.tenantId, { plan: "authorize", price: 10_000, final: 8_000 });
    await db
      .updateTable("payments")
      .set({ amount_received: 8_000, application_fee_amount: 800, fieldworker_net_amount: 7_200 })
      .where("id", "=", hold.atBooking?.id ?? "")
      .execute();
    const setup = await seedBooking(db, env.tenantId, 10_000);
    await db
      .updateTable("bookings")
      .set({ payment_plan: "card_on_file", setup_intent_id: randomId("seti"), card_customer_id: "cus_dev" })
      .where("id", "=", setup.id)
      .execute();

    expect(await relay().announceAfterJob()).toBeGreaterThan(0);
    await env.kit.drain();
    expect(await relay().announceAfterJob()).toBe(0);

    const balance = await afterJobState(db, env.tenantId, deposit.booking.id);
    expect(balance.booking.status).toBe("paid");
    expect(balance.ledger.map((l) => l.amount)).toEqual([3_000, 7_000]);
    const captured = await afterJobState(db, env.tenantId, hold.booking.id);
    expect(captured.booking.status).toBe("paid");
    expect(captured.ledger.map((l) => [l.amount, l.business_amount])).toEqual([[8_000, 800]]);
    const saved = await afterJobState(db, env.tenantId, setup.id);
    expect(saved.booking.status).toBe("card_saved");
    expect(saved.booking.card_payment_method_id).toBe(`pm_dev_${setup.id.replaceAll("-", "")}`);
  });
});
