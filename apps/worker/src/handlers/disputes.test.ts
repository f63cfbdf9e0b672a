// Signed dispute events for every path (won, lost, inquiry, money withdrawn and reinstated), in any order and
// duplicated, on both endpoints: the dispute as stored, the booking's status, its ledger and the admin's alert.
import { describe, expect, it } from "vitest";
import { randomId, seedDoneBooking } from "../testing/after-job-fixture.ts";
import { DAY, disputeOf, disputeState, T0, withdrawal, wonDispute } from "../testing/dispute-fixture.ts";
import { deliver, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();

type Event = ReturnType<typeof stripeEvent>;

/** Each event twice (Stripe delivers at least once), in this order, then everything applied. */
async function deliverTwice(events: Event[], order: readonly number[], connect = false) {
  for (const i of order) {
    const event = events[i];
    expect((await deliver(env.worker, env.tenantId, event, { connect })).status).toBe(200);
    expect((await deliver(env.worker, env.tenantId, event, { connect })).status).toBe(200);
  }
  await env.kit.drain();
}

const ORDERS = [
  ["in order", [0, 1, 2, 3, 4]],
  ["reversed", [4, 3, 2, 1, 0]],
  ["shuffled", [3, 0, 4, 2, 1]],
] as const;

describe("a dispute on a Stripe-mode payment", () => {
  it.each(ORDERS)("won (%s, each twice): the booking is paid again, the money back", async (_o, order) => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct",
    });
    await deliverTwice(wonDispute(atBooking?.payment_intent_id ?? ""), order);
    const s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.booking.status).toBe("paid");
    expect(s.disputes).toHaveLength(1);
    expect(s.dispute).toMatchObject({
      status: "won",
      reason: "product_not_received",
      amount: 10_000,
      funds_withdrawn: 10_000,
      funds_reinstated: 10_000,
      stripe_fee: 1_500,
      booking_status_before: "paid",
      on_account: null,
      evidence_due_by: new Date((T0 + 7 * DAY) * 1000),
    });
    expect(s.ledger).toEqual([
      { kind: "charge", amount: 10_000, business_amount: 10_000, fieldworker_amount: 0 },
      { kind: "dispute_withdrawn", amount: -10_000, business_amount: -10_000, fieldworker_amount: 0 },
      { kind: "dispute_reinstated", amount: 10_000, business_amount: 10_000, fieldworker_amount: 0 },
    ]);
    // The alert went with the evidence (or never came, when the dispute was already won).
    expect(s.alerts.every((a) => a.resolved_at !== null)).toBe(true);
  });

  it("lost: the booking stays disputed and the money stays withdrawn", async () => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct",
    });
    const pi = atBooking?.payment_intent_id ?? "";
    const id = randomId("du");
    const ch = randomId("ch");
    const taken = [withdrawal(6_000, T0)];
    const events = [
      stripeEvent("charge.dispute.created", disputeOf(pi, ch, { id, amount: 6_000 }), { created: T0 }),
      stripeEvent(
        "charge.dispute.funds_withdrawn",
        disputeOf(pi, ch, { id, amount: 6_000, balance_transactions: taken }),
        { created: T0 + 1 },
      ),
      stripeEvent(
        "charge.dispute.closed",
        disputeOf(pi, ch, { id, amount: 6_000, status: "lost", balance_transactions: taken }),
        { created: T0 + 40 * DAY },
      ),
    ];
    await deliverTwice(events, [2, 1, 0]);
    const s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.booking.status).toBe("disputed");
    expect(s.dispute).toMatchObject({ status: "lost", funds_withdrawn: 6_000, funds_reinstated: 0 });
    expect(s.ledger.map((l) => [l.kind, l.amount])).toEqual([
      ["charge", 10_000],
      ["dispute_withdrawn", -6_000],
    ]);
  });

  it("an inquiry closed without a dispute moves nothing and leaves the booking as it was", async () => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct",
    });
    const pi = atBooking?.payment_intent_id ?? "";
    const id = randomId("du");
    const ch = randomId("ch");
    await deliverTwice(
      [stripeEvent("charge.dispute.created", disputeOf(pi, ch, { id, status: "warning_needs_response" }))],
      [0],
    );
    expect((await disputeState(env.kit.t.db, env.tenantId, booking.id)).booking.status).toBe("disputed");
    await deliverTwice(
      [
        stripeEvent("charge.dispute.closed", disputeOf(pi, ch, { id, status: "warning_closed" }), {
          created: Math.floor(Date.now() / 1000) + 60,
        }),
      ],
      [0],
    );
    const s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.booking.status).toBe("paid");
    expect(s.ledger.map((l) => l.kind)).toEqual(["charge"]);
  });

  it("a dispute about someone else's payment is stored and acknowledged, nothing more", async () => {
    const event = stripeEvent(
      "charge.dispute.created",
      disputeOf("pi_notours", "ch_notours", { id: "du_x" }),
    );
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    await env.kit.drain();
    const rows = await env.kit.t.db.selectFrom("disputes").select("id").where("id", "=", "du_x").execute();
    expect(rows).toEqual([]);
  });
});

describe("the admins' email", () => {
  it("'dispute opened' goes to each admin once, in the transaction that first hears of it", async () => {
    const admins = await env.kit.t.db
      .insertInto("users")
      .values(
        ["ann", "bob"].map((name) => ({
          tenant_id: env.tenantId,
          role: "admin" as const,
          email: `${name}-${randomId("a")}@biz.test`.toLowerCase(),
          name,
          password_hash: null,
        })),
      )
      .returning(["id", "email"])
      .execute();
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct",
    });
    const events = wonDispute(atBooking?.payment_intent_id ?? "");
    await deliverTwice(events, [0, 1, 2]);
    const id = (await disputeState(env.kit.t.db, env.tenantId, booking.id)).dispute?.id ?? "";
    const emails = await env.kit.t.db
      .selectFrom("emails")
      .select(["to_address", "user_id", "template", "props"])
      .where("tenant_id", "=", env.tenantId)
      .where("template", "=", "dispute_opened")
      .where("dedupe_key", "like", `dispute_opened:${id}:%`)
      .execute();
    expect(emails.map((e) => e.user_id).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(emails[0]?.props).toEqual({
      bookingId: booking.id,
      amount: 10_000,
      currency: "usd",
      reason: "The customer says the service they paid for was never done.",
      customerName: "Casey Customer",
      dueBy: new Date((T0 + 7 * DAY) * 1000).toISOString(),
      link: `https://app.fieldpay.test/app/disputes/${id}`,
    });
    await env.kit.t.db
      .deleteFrom("users")
      .where("role", "=", "admin")
      .where("tenant_id", "=", env.tenantId)
      .execute();
  });
});

describe("the admin's alert", () => {
  it("is a warning while the deadline is far, critical within 72 hours, resolved once answered", async () => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct",
    });
    const pi = atBooking?.payment_intent_id ?? "";
    const now = Math.floor(Date.now() / 1000);
    const id = randomId("du");
    const ch = randomId("ch");
    const due = (seconds: number) => ({ due_by: seconds, has_evidence: false, past_due: false });
    await deliverTwice(
      [
        stripeEvent(
          "charge.dispute.created",
          disputeOf(pi, ch, { id, reason: "fraudulent", evidence_details: due(now + 10 * DAY) }),
          { created: now - 10 },
        ),
      ],
      [0],
    );
    let s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.alerts).toMatchObject([{ severity: "warning", resolved_at: null }]);
    expect(s.alerts[0]?.title).toMatch(/^Casey Customer disputes \$100\.00: evidence due by /);
    expect(s.alerts[0]?.fix).toMatch(/^Open Disputes in fieldpay/);
    await deliverTwice(
      [
        stripeEvent(
          "charge.dispute.updated",
          disputeOf(pi, ch, { id, reason: "fraudulent", evidence_details: due(now + 2 * DAY) }),
          { created: now - 5 },
        ),
      ],
      [0],
    );
    s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.alerts).toMatchObject([{ severity: "critical", resolved_at: null }]);
    await deliverTwice(
      [
        stripeEvent("charge.dispute.updated", disputeOf(pi, ch, { id, status: "under_review" }), {
          created: now - 1,
        }),
      ],
      [0],
    );
    s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.alerts[0]?.resolved_at).not.toBeNull();
    expect(s.booking.status).toBe("disputed");
  });
});

describe("a Standard account's direct charge, disputed on the fieldworker's account", () => {
  it("arrives on the Connect endpoint: the fieldworker's account carries it and answers it", async () => {
    const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
      plan: "full",
      price: 10_000,
      final: 10_000,
      chargeType: "direct_on_connected_account",
      accountId: "acct_standardfw",
    });
    const pi = atBooking?.payment_intent_id ?? "";
    const id = randomId("du");
    const ch = randomId("ch");
    const taken = [withdrawal(10_000, T0)];
    const account = "acct_standardfw";
    await deliverTwice(
      [
        stripeEvent("charge.dispute.created", disputeOf(pi, ch, { id, balance_transactions: taken }), {
          created: T0,
          account,
        }),
        stripeEvent(
          "charge.dispute.funds_withdrawn",
          disputeOf(pi, ch, { id, balance_transactions: taken }),
          {
            created: T0 + 1,
            account,
          },
        ),
      ],
      [1, 0],
      true,
    );
    const s = await disputeState(env.kit.t.db, env.tenantId, booking.id);
    expect(s.dispute).toMatchObject({ on_account: account, funds_withdrawn: 10_000 });
    expect(s.ledger).toEqual([
      { kind: "charge", amount: 10_000, business_amount: 1_000, fieldworker_amount: 9_000 },
      { kind: "dispute_withdrawn", amount: -10_000, business_amount: 0, fieldworker_amount: -10_000 },
    ]);
    expect(s.alerts[0]?.fix).toMatch(/fieldworker's own Stripe account/);
  });
});
