// In `npm run dev` the relay plays Stripe's answers to the worker's after-job work: against stateless stripe-mock
// an off-session charge, a prepared capture and a booking's SetupIntent go all the way, once.
import { sql } from "kysely";
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

/** The worker's off-session balance of a $100 job after a $30 deposit, as stripe-mock left it (its fixture). */
const insertOffSessionBalance = (bookingId: string) =>
  env.kit.t.db
    .insertInto("payments")
    .values({
      tenant_id: env.tenantId,
      booking_id: bookingId,
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

describe("the dev relay after the job", () => {
  it("announces the off-session balance, the capture and the saved card, each once", async () => {
    const db = env.kit.t.db;
    const deposit = await seedDoneBooking(db, env.tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
    });
    await insertOffSessionBalance(deposit.booking.id);
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

describe("the dev relay before and after the job", () => {
  it("a confirmed hold waits for its capture, and keeps the card it was made with", async () => {
    const db = env.kit.t.db;
    const booking = await seedBooking(db, env.tenantId, 10_000);
    await db
      .updateTable("bookings")
      .set({ payment_plan: "authorize" })
      .where("id", "=", booking.id)
      .execute();
    const intent = randomId("pi");
    await db
      .insertInto("payments")
      .values({
        tenant_id: env.tenantId,
        booking_id: booking.id,
        attempt: 1,
        payment_intent_id: intent,
        status: "requires_payment_method",
        amount: 10_000,
        currency: "usd",
        charge_type: "direct",
        purpose: "authorization",
        capture_method: "manual",
      })
      .execute();
    const answer = await relay().confirm({
      clientSecret: `${intent}_secret_x`,
      page: `/book/x/bookings/${booking.id}/pay`,
      outcome: "succeeded",
    });
    expect(answer).toEqual({ ok: true, sent: ["payment_intent.amount_capturable_updated"] });
    await env.kit.drain();
    const held = await afterJobState(db, env.tenantId, booking.id);
    expect(held.booking.status).toBe("authorized");
    expect(held.booking.card_payment_method_id).toMatch(/^pm_dev_/);
    expect(held.ledger).toEqual([]);
  });

  it("a card saved through 3-D Secure wants the customer off-session: balance due, and the customer is emailed once", async () => {
    const db = env.kit.t.db;
    const done = await seedDoneBooking(db, env.tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
    });
    await db
      .updateTable("bookings")
      .set({ card_payment_method_id: "pm_dev_3ds_test" })
      .where("id", "=", done.booking.id)
      .execute();
    await insertOffSessionBalance(done.booking.id);
    expect(await relay().announceAfterJob()).toBeGreaterThan(0);
    await env.kit.drain();
    await env.kit.drain();
    const after = await afterJobState(db, env.tenantId, done.booking.id);
    expect(after.booking.status).toBe("balance_due");
    expect(after.payments[1]).toMatchObject({
      status: "requires_payment_method",
      failure_code: "authentication_required",
    });
    expect(after.alerts.map((a) => a.kind)).toContain("balance_due");
    // The customer's link, once however many times the job and the event ran.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from emails
      where props::text like ${`%${done.booking.id}%`} or body like ${`%${done.booking.id}%`}`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });
});
