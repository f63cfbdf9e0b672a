// Signed events of a job's money, in any order and duplicated: a hold made, captured or lapsed; a refund made in
// the Stripe Dashboard; a booking's card saved through its SetupIntent.
import { describe, expect, it } from "vitest";
import { afterJobState, randomId, seedDoneBooking } from "../testing/after-job-fixture.ts";
import { seedBooking } from "../testing/booking-fixture.ts";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();
const T0 = 1_900_000_000;
const ORDERS = [
  ["in order", [0, 1]],
  ["reversed", [1, 0]],
] as const;

/** Delivers each event twice (Stripe delivers at least once), in this order, then applies them all. */
async function deliverTwice(events: ReturnType<typeof stripeEvent>[], order: readonly number[]) {
  for (const i of order) {
    const event = events[i];
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
  }
  await env.kit.drain();
}

const intentOf = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: "payment_intent",
  status,
  amount: 10_000,
  currency: "usd",
  ...extra,
});
const chargeOf = (paymentIntentId: string, extra: Record<string, unknown> = {}) => ({
  id: randomId("ch"),
  object: "charge",
  payment_intent: paymentIntentId,
  amount: 10_000,
  currency: "usd",
  ...extra,
});

describe("a card hold", () => {
  it.each(ORDERS)(
    "made, then captured (%s): paid, with the card kept and its deadline",
    async (_o, order) => {
      const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
        plan: "authorize",
        price: 10_000,
        final: 10_000,
        card: false,
      });
      const pi = atBooking?.payment_intent_id ?? "";
      const deadline = T0 + 6 * 86_400;
      const made = stripeEvent(
        "payment_intent.amount_capturable_updated",
        intentOf(pi, "requires_capture", {
          amount_capturable: 10_000,
          payment_method: "pm_heldcard",
          latest_charge: chargeOf(pi, { payment_method_details: { card: { capture_before: deadline } } }),
        }),
        { created: T0 },
      );
      const captured = stripeEvent(
        "charge.captured",
        chargeOf(pi, { captured: true, amount_captured: 10_000, payment_method: "pm_heldcard" }),
        { created: T0 + 60 },
      );
      await deliverTwice([made, captured], order);
      const after = await afterJobState(env.kit.t.db, env.tenantId, booking.id);
      expect(after.booking.status).toBe("paid");
      expect(after.payments[0]?.status).toBe("succeeded");
      expect(after.booking.card_payment_method_id).toBe("pm_heldcard");
      expect(after.ledger.map((l) => l.amount)).toEqual([10_000]);
      // The deadline is known only when the hold's own event is applied (not when it arrives after the capture).
      if (order[0] === 0) expect(after.booking.authorization_expires_at).toEqual(new Date(deadline * 1000));
    },
  );

  it.each(ORDERS)(
    "that lapses (charge.expired and payment_intent.canceled, %s) leaves the saved card",
    async (_o, order) => {
      const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
        plan: "authorize",
        price: 10_000,
        final: 10_000,
      });
      await env.kit.t.db
        .updateTable("bookings")
        .set({ done_at: null })
        .where("id", "=", booking.id)
        .execute();
      const pi = atBooking?.payment_intent_id ?? "";
      const expired = stripeEvent("charge.expired", chargeOf(pi, { captured: false }), { created: T0 });
      const canceled = stripeEvent("payment_intent.canceled", intentOf(pi, "canceled"), { created: T0 });
      await deliverTwice([expired, canceled], order);
      const after = await afterJobState(env.kit.t.db, env.tenantId, booking.id);
      expect(after.booking.status).toBe("card_saved");
      expect(after.booking.authorization_lapsed_at).not.toBeNull();
      expect(after.payments[0]?.status).toBe("canceled");
      expect(after.ledger).toEqual([]);
    },
  );
});

describe("a refund made in the Stripe Dashboard", () => {
  it.each(ORDERS)(
    "is recorded as its own refund, carried by the business (%s, duplicated)",
    async (_o, order) => {
      const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
        plan: "full",
        price: 10_000,
        final: 10_000,
      });
      const pi = atBooking?.payment_intent_id ?? "";
      const charge = chargeOf(pi);
      const refunded = (total: number, created: number) =>
        stripeEvent(
          "charge.refunded",
          { ...charge, amount_refunded: total, refunded: total === 10_000 },
          { created },
        );
      await deliverTwice([refunded(3_000, T0), refunded(5_000, T0 + 60)], order);
      const after = await afterJobState(env.kit.t.db, env.tenantId, booking.id);
      expect(after.booking.status).toBe("partially_refunded");
      const refunds = after.ledger.filter((l) => l.kind === "refund");
      expect(refunds.reduce((sum, l) => sum + l.amount, 0)).toBe(-5_000);
      expect(refunds.every((l) => l.fieldworker_amount === 0)).toBe(true);
      const rows = await env.kit.t.db
        .selectFrom("refunds")
        .select(["status", "created_by", "refund_application_fee", "reverse_transfer"])
        .where("payment_id", "=", atBooking?.id ?? "")
        .execute();
      expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(
        new Set([
          JSON.stringify({
            status: "succeeded",
            created_by: null,
            refund_application_fee: false,
            reverse_transfer: false,
          }),
        ]),
      );
    },
  );

  it("a refund fieldpay made itself is not counted again", async () => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
    });
    await env.kit.t.db
      .insertInto("refunds")
      .values({
        id: crypto.randomUUID(),
        tenant_id: env.tenantId,
        payment_id: atBooking?.id ?? "",
        amount: 2_000,
        currency: "usd",
        stripe_refund_id: randomId("re"),
        refund_application_fee: true,
        reverse_transfer: true,
        business_amount: 200,
        fieldworker_amount: 1_800,
        status: "succeeded",
        created_by: null,
      })
      .execute();
    const pi = atBooking?.payment_intent_id ?? "";
    await deliverTwice([stripeEvent("charge.refunded", { ...chargeOf(pi), amount_refunded: 2_000 })], [0]);
    const after = await afterJobState(env.kit.t.db, env.tenantId, booking.id);
    expect(after.ledger.filter((l) => l.kind === "refund").map((l) => l.amount)).toEqual([-2_000]);
  });
});

describe("a booking's SetupIntent succeeding", () => {
  it("keeps the card on the booking and makes a card-on-file booking card_saved; a replaced one saves nothing", async () => {
    const booking = await seedBooking(env.kit.t.db, env.tenantId, 10_000);
    const setupIntentId = randomId("seti");
    await env.kit.t.db
      .updateTable("bookings")
      .set({ payment_plan: "card_on_file", setup_intent_id: setupIntentId, card_customer_id: "cus_saver" })
      .where("id", "=", booking.id)
      .execute();
    const intent = {
      id: setupIntentId,
      object: "setup_intent",
      status: "succeeded",
      customer: "cus_saver",
      payment_method: "pm_saved",
      metadata: { tenant_id: env.tenantId, booking_id: booking.id, charge: "card_on_file" },
    };
    const stale = { ...intent, id: randomId("seti"), payment_method: "pm_stale" };
    await deliverTwice(
      [stripeEvent("setup_intent.succeeded", intent), stripeEvent("setup_intent.succeeded", stale)],
      [0, 1],
    );
    const after = await afterJobState(env.kit.t.db, env.tenantId, booking.id);
    expect(after.booking).toMatchObject({
      status: "card_saved",
      card_customer_id: "cus_saver",
      card_payment_method_id: "pm_saved",
      card_on_account: null,
    });
  });
});
