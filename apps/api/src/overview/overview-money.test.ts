// The Overview's money on a real database: ledger rows seeded at known instants around a fixed "now", summed for
// the period and the previous one of the same length (in the admin's time zone), payouts in transit, open alerts
// and disputes, and another business's money never counted.
import { randomUUID } from "node:crypto";
import type { Db } from "@fieldpay/db/client";
import { useTestDatabase } from "@fieldpay/db/testing";
import { seedBooking } from "@fieldpay/db/testing/booking";
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../booking/testing/portal-setup.ts";
import { callerFor, newBusiness, newCustomer, rejection, testDeps } from "../testing/harness.ts";
import { getOverview } from "./get-overview.ts";
import type { Figure, OverviewOutput } from "./schemas.ts";

const t = useTestDatabase();

// 10:00 on Thursday 10 December in New York (UTC−5): "today" there began at 05:00 UTC.
const NOW = new Date("2026-12-10T15:00:00Z");
const ZONE = "America/New_York";

interface Charge {
  amount: number;
  fee?: number;
  at: string;
  currency?: string;
  status?: string;
  duplicate?: boolean;
}

async function seedCharge(db: Db, tenantId: string, bookingId: string, c: Charge) {
  const direct = c.fee === undefined;
  const row = await db
    .insertInto("payments")
    .values({
      tenant_id: tenantId,
      booking_id: bookingId,
      attempt: 1,
      payment_intent_id: `pi_${randomUUID().replaceAll("-", "")}`,
      status: c.status ?? "succeeded",
      amount: c.amount,
      currency: c.currency ?? "usd",
      charge_type: direct ? "direct" : "destination",
      fieldworker_account_id: direct ? null : "acct_fw_overview",
      application_fee_amount: c.fee ?? null,
      fieldworker_net_amount: direct ? null : c.amount - (c.fee ?? 0),
      // Made and confirmed at the same instant (the ledger dates a charge by both).
      created_at: new Date(c.at),
      stripe_event_at: new Date(c.at),
      duplicate_at: c.duplicate ? new Date(c.at) : null,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A business with a customer; each charge gets its own booking (one payment attempt per booking here). */
async function business(label: string) {
  const biz = await newBusiness(t.db, label);
  const tenantId = biz.auth.tenant.id;
  await setUpPayments(testDeps(t.db), tenantId, { mode: "connect", commissionBps: 1000, fixed: 30 });
  const customer = await newCustomer(t.db, biz.slug);
  const charge = async (c: Charge) => {
    const { bookingId } = await seedBooking(t.db, tenantId, customer.auth.user.id, {
      price: c.amount,
      currency: c.currency,
    });
    return { bookingId, paymentId: await seedCharge(t.db, tenantId, bookingId, c) };
  };
  const refund = (paymentId: string, amount: number, fieldworker: number, at: string) =>
    t.db
      .insertInto("refunds")
      .values({
        tenant_id: tenantId,
        payment_id: paymentId,
        stripe_refund_id: `re_${randomUUID().replaceAll("-", "")}`,
        amount,
        currency: "usd",
        status: "succeeded",
        business_amount: amount - fieldworker,
        fieldworker_amount: fieldworker,
        created_at: new Date(at),
      })
      .execute();
  return { biz, tenantId, charge, refund };
}

const figure = (o: OverviewOutput, id: Figure["id"]) => {
  const f = o.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const values = (o: OverviewOutput) => Object.fromEntries(o.figures.map((f) => [f.id, [f.value, f.previous]]));

async function seedPayout(tenantId: string, amount: number, status: string, fieldworker: string | null) {
  await t.db
    .insertInto("payouts")
    .values({
      id: `po_${randomUUID().replaceAll("-", "")}`,
      tenant_id: tenantId,
      account_id: fieldworker ? "acct_fw_overview" : "acct_business1",
      fieldworker_id: fieldworker,
      amount,
      currency: "usd",
      status,
      arrival_date: NOW,
      failure_code: null,
      failure_message: null,
      stripe_created_at: NOW,
    })
    .execute();
}

async function seedAlert(tenantId: string, key: string, state: "open" | "dismissed" | "resolved") {
  await t.db
    .insertInto("alerts")
    .values({
      tenant_id: tenantId,
      key,
      kind: "payout_late",
      severity: "warning",
      account_id: "acct_business1",
      fieldworker_id: null,
      payout_id: null,
      title: "Payout is late",
      explanation: "Late.",
      fix: "Check the payout schedule.",
      since: NOW,
      dismissed_at: state === "dismissed" ? NOW : null,
      resolved_at: state === "resolved" ? NOW : null,
    })
    .execute();
}

async function seedDispute(
  tenantId: string,
  paid: { bookingId: string; paymentId: string },
  status: string,
  withdrawn?: { amount: number; at: string },
) {
  await t.db
    .insertInto("disputes")
    .values({
      id: `du_${randomUUID().replaceAll("-", "")}`,
      tenant_id: tenantId,
      booking_id: paid.bookingId,
      payment_id: paid.paymentId,
      charge_id: "ch_overview",
      reason: "fraudulent",
      amount: withdrawn?.amount ?? 1_000,
      currency: "usd",
      status,
      evidence_due_by: new Date("2026-12-20T00:00:00Z"),
      funds_withdrawn: withdrawn?.amount ?? 0,
      funds_withdrawn_at: withdrawn ? new Date(withdrawn.at) : null,
      booking_status_before: "paid",
      liability: "business",
      stripe_created_at: NOW,
      stripe_event_at: NOW,
    })
    .execute();
}

describe("overview money", () => {
  it("sums the ledger for the period and the previous one of the same length, in the admin's time zone", async () => {
    const a = await business("ov-money");
    // Today in New York (after 05:00 UTC): a $100 charge, $20 of it refunded from the fieldworker's share,
    // and a dispute that withdrew $80 from the business.
    const today = await a.charge({ amount: 10_000, fee: 1_030, at: "2026-12-10T14:00:00Z" });
    await a.refund(today.paymentId, 2_000, 2_000, "2026-12-10T14:30:00Z");
    await seedDispute(a.tenantId, today, "under_review", { amount: 8_000, at: "2026-12-10T14:45:00Z" });
    // 23:00 yesterday in New York, though already the 10th in UTC: not today, and later in the day than now.
    await a.charge({ amount: 5_000, fee: 530, at: "2026-12-10T04:00:00Z" });
    // 05:00 yesterday in New York: before this time of day, so in the previous "today".
    await a.charge({ amount: 8_000, fee: 830, at: "2026-12-09T10:00:00Z" });
    // In the 7 days before the last 7.
    await a.charge({ amount: 20_000, fee: 2_030, at: "2026-12-01T12:00:00Z" });
    // Never counted: a failed attempt, a duplicate success (refunded automatically), a charge after "now".
    await a.charge({ amount: 70_000, fee: 0, at: "2026-12-10T13:00:00Z", status: "requires_payment_method" });
    await a.charge({ amount: 90_000, fee: 0, at: "2026-12-10T13:00:00Z", duplicate: true });
    await a.charge({ amount: 60_000, fee: 0, at: "2026-12-10T16:00:00Z" });
    // Another currency, left out of the figures but named.
    await a.charge({ amount: 4_400, at: "2026-12-10T12:00:00Z", currency: "eur" });

    const overview = (range: "today" | "7d" | "30d") =>
      getOverview(t.db, { tenant: a.biz.auth.tenant, range, timeZone: ZONE, now: NOW });

    const day = await overview("today");
    expect(day.range).toEqual({
      key: "today",
      days: 1,
      from: "2026-12-10",
      to: "2026-12-10",
      previousFrom: "2026-12-09",
      previousTo: "2026-12-09",
    });
    expect(values(day)).toMatchObject({
      gross: [10_000, 8_000],
      refunds: [2_000, 0],
      net: [0, 8_000],
      application_fees: [1_030, 830],
      fieldworker_share: [6_970, 7_170],
    });
    expect(figure(day, "gross")).toMatchObject({ currency: "usd", detail: "1 charge", kind: "money" });
    expect(day.otherCurrencies).toEqual(["eur"]);
    expect(day.series).toEqual([{ day: "2026-12-10", gross: 10_000, refunds: 2_000, net: 0 }]);

    const week = await overview("7d");
    expect(week.range).toMatchObject({ from: "2026-12-04", to: "2026-12-10", previousFrom: "2026-11-27" });
    expect(values(week)).toMatchObject({
      gross: [23_000, 20_000],
      refunds: [2_000, 0],
      net: [13_000, 20_000],
      application_fees: [2_390, 2_030],
      fieldworker_share: [18_610, 17_970],
    });
    expect(week.series.map((d) => d.day)).toEqual([
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
    ]);
    expect(week.series.slice(-2)).toEqual([
      { day: "2026-12-09", gross: 13_000, refunds: 0, net: 13_000 },
      { day: "2026-12-10", gross: 10_000, refunds: 2_000, net: 0 },
    ]);

    const month = await overview("30d");
    expect(month.series).toHaveLength(30);
    expect(values(month)).toMatchObject({ gross: [43_000, 0], net: [33_000, 0] });

    // The same instants read in UTC: the 04:00 charge is today there, the 10:00 one yesterday before now.
    const utc = await getOverview(t.db, {
      tenant: a.biz.auth.tenant,
      range: "today",
      timeZone: "UTC",
      now: NOW,
    });
    expect(values(utc)).toMatchObject({ gross: [15_000, 8_000] });
  });

  it("counts payouts on the way, open alerts and open disputes of this business only", async () => {
    const a = await business("ov-open");
    const b = await business("ov-other");
    const fw = randomUUID();
    await t.db
      .insertInto("users")
      .values({
        id: fw,
        tenant_id: a.tenantId,
        role: "fieldworker",
        email: `fw-${fw}@x.test`,
        name: "Fay",
        password_hash: null,
      })
      .execute();
    await seedPayout(a.tenantId, 5_000, "in_transit", null);
    await seedPayout(a.tenantId, 3_000, "pending", fw);
    await seedPayout(a.tenantId, 9_999, "paid", null);
    await seedPayout(a.tenantId, 1_111, "failed", null);
    await seedPayout(b.tenantId, 7_777, "in_transit", null);
    await seedAlert(a.tenantId, "late:1", "open");
    await seedAlert(a.tenantId, "late:2", "open");
    await seedAlert(a.tenantId, "late:3", "dismissed");
    await seedAlert(a.tenantId, "late:4", "resolved");
    await seedAlert(b.tenantId, "late:b", "open");
    const paid = await a.charge({ amount: 1_000, fee: 130, at: "2026-12-10T14:00:00Z" });
    await seedDispute(a.tenantId, paid, "needs_response");
    await seedDispute(a.tenantId, paid, "under_review");
    await seedDispute(a.tenantId, paid, "won");
    // B's is read through the api, whose "now" is the real one.
    await b.charge({ amount: 99_999, fee: 130, at: new Date(Date.now() - 3_600_000).toISOString() });

    const mine = await getOverview(t.db, {
      tenant: a.biz.auth.tenant,
      range: "today",
      timeZone: ZONE,
      now: NOW,
    });
    expect(figure(mine, "payouts_in_transit")).toMatchObject({
      value: 8_000,
      previous: null,
      detail: "2 payouts on the way",
      breakdown: [
        { label: "To your bank", value: 5_000 },
        { label: "To fieldworkers", value: 3_000 },
      ],
      link: { href: "/app/payouts" },
    });
    expect(figure(mine, "open_alerts")).toMatchObject({ value: 2, previous: null, kind: "count" });
    expect(figure(mine, "open_disputes")).toMatchObject({ value: 2, detail: "1 needs your evidence" });
    expect(figure(mine, "gross").value).toBe(1_000);

    // Through the api, as B's admin: only B's money.
    const theirs = await callerFor(testDeps(t.db), b.biz.auth).caller.overview.get({ range: "30d" });
    expect(figure(theirs, "payouts_in_transit").value).toBe(7_777);
    expect(figure(theirs, "open_alerts").value).toBe(1);
    expect(figure(theirs, "open_disputes").value).toBe(0);
    expect(figure(theirs, "gross").value).toBe(99_999);
  });

  it("is for admins only, and refuses a range or time zone it does not know", async () => {
    const a = await business("ov-roles");
    const customer = await newCustomer(t.db, a.biz.slug);
    const asCustomer = callerFor(testDeps(t.db), customer.auth).caller;
    expect(await rejection(asCustomer.overview.get({ range: "7d" }))).toMatchObject({ code: "FORBIDDEN" });
    const admin = callerFor(testDeps(t.db), a.biz.auth).caller;
    // @ts-expect-error: a range the page never offers
    const badRange = await rejection(admin.overview.get({ range: "year" }));
    expect(badRange).toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose Today, 7 days or 30 days.",
    });
    const badZone = await rejection(admin.overview.get({ range: "7d", timeZone: "Mars/Olympus" }));
    expect(badZone.message).toContain("Choose a time zone by its name");
    const ok = await admin.overview.get({ range: "7d", timeZone: "Europe/London" });
    expect(ok).toMatchObject({ mode: "connect", currency: "usd", timeZone: "Europe/London" });
    expect(ok.series).toHaveLength(7);
  });
});
