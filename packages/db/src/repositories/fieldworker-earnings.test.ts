import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { insertBooking } from "./bookings.ts";
import { raiseFieldworkerAlert } from "./fieldworker-accounts.ts";
import { earningsByPeriod, listFieldworkerPayments, openAccountAlerts } from "./fieldworker-earnings.ts";
import { insertService } from "./services.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

async function business(label: string) {
  const tenant = await insertTenant(t.db, { slug: `earn-${label}`, name: "E" });
  const customer = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "customer",
    email: `c-${label}@x.test`,
    name: "C",
    password_hash: null,
  });
  const worker = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "fieldworker",
    email: `w-${label}@x.test`,
    name: "W",
    password_hash: null,
  });
  const service = await insertService(t.db, {
    tenant_id: tenant.id,
    name: "Gutter clean",
    duration_minutes: 60,
    price_amount: 10_000,
    currency: "usd",
  });
  return { tenant, customer, worker, service };
}

async function payment(
  b: Awaited<ReturnType<typeof business>>,
  p: { account: string; amount: number; fee: number; status: string; at: string; intent: string },
) {
  const booking = await insertBooking(t.db, {
    tenant_id: b.tenant.id,
    customer_id: b.customer.id,
    service_id: b.service.id,
    fieldworker_id: b.worker.id,
    starts_at: new Date(p.at),
    amount: p.amount,
    currency: "usd",
  });
  await t.db
    .insertInto("payments")
    .values({
      tenant_id: b.tenant.id,
      booking_id: booking.id,
      attempt: 1,
      payment_intent_id: p.intent,
      status: p.status,
      amount: p.amount,
      currency: "usd",
      charge_type: "destination",
      fieldworker_account_id: p.account,
      application_fee_amount: p.fee,
      fieldworker_net_amount: p.amount - p.fee,
      created_at: new Date(p.at),
    })
    .execute();
}

describe("fieldworker earnings", () => {
  it("show a dispute's share taken back (and sent again when won) apart from the commission", async () => {
    const b = await business("dispute");
    await payment(b, {
      account: "acct_d1",
      amount: 10_000,
      fee: 1_000,
      status: "succeeded",
      at: "2026-10-03T10:00:00Z",
      intent: "pi_d1",
    });
    const paid = await t.db
      .selectFrom("payments")
      .select(["id", "booking_id"])
      .where("payment_intent_id", "=", "pi_d1")
      .executeTakeFirstOrThrow();
    const at = (day: string) => new Date(`2026-${day}T12:00:00Z`);
    await t.db
      .insertInto("disputes")
      .values({
        id: "du_earnings",
        tenant_id: b.tenant.id,
        booking_id: paid.booking_id,
        payment_id: paid.id,
        charge_id: "ch_d1",
        reason: "fraudulent",
        amount: 5_000,
        currency: "usd",
        status: "won",
        funds_withdrawn: 5_000,
        funds_withdrawn_at: at("10-05"),
        funds_reinstated: 5_000,
        funds_reinstated_at: at("11-20"),
        booking_status_before: "paid",
        liability: "fieldworker",
        share_reversed: 4_500,
        share_reversal_id: "trr_1",
        share_reversed_at: at("10-05"),
        share_resent_transfer_id: "tr_again",
        share_resent_at: at("11-20"),
        stripe_created_at: at("10-05"),
        stripe_event_at: at("11-20"),
      })
      .execute();
    const totals = await earningsByPeriod(t.db, {
      tenantId: b.tenant.id,
      accountId: "acct_d1",
      period: "month",
      since: new Date("2026-01-01T00:00:00Z"),
    });
    // October: paid 10,000 (9,000 theirs), 4,500 of it taken back; November: the win sends it again.
    expect(totals).toMatchObject([
      { payments: 1, gross: 10_000, applicationFees: 1_000, fieldworkerNet: 4_500, disputed: 4_500 },
      { payments: 0, gross: 0, applicationFees: 0, fieldworkerNet: 4_500, disputed: -4_500 },
    ]);
  });

  it("sums succeeded payments per month for one account only, in UTC periods", async () => {
    const b = await business("months");
    const other = await business("months-other");
    await payment(b, {
      account: "acct_m1",
      amount: 10_000,
      fee: 1_000,
      status: "succeeded",
      at: "2026-10-03T10:00:00Z",
      intent: "pi_m1",
    });
    await payment(b, {
      account: "acct_m1",
      amount: 5_000,
      fee: 500,
      status: "succeeded",
      at: "2026-10-31T23:30:00Z",
      intent: "pi_m2",
    });
    await payment(b, {
      account: "acct_m1",
      amount: 7_000,
      fee: 700,
      status: "succeeded",
      at: "2026-11-01T00:30:00Z",
      intent: "pi_m3",
    });
    await payment(b, {
      account: "acct_m1",
      amount: 9_999,
      fee: 0,
      status: "requires_payment_method",
      at: "2026-11-02T00:00:00Z",
      intent: "pi_m4",
    });
    await payment(b, {
      account: "acct_m2",
      amount: 4_000,
      fee: 400,
      status: "succeeded",
      at: "2026-11-02T00:00:00Z",
      intent: "pi_m5",
    });
    await payment(other, {
      account: "acct_m1",
      amount: 8_000,
      fee: 800,
      status: "succeeded",
      at: "2026-11-02T00:00:00Z",
      intent: "pi_m6",
    });

    const totals = await earningsByPeriod(t.db, {
      tenantId: b.tenant.id,
      accountId: "acct_m1",
      period: "month",
      since: new Date("2026-01-01T00:00:00Z"),
    });
    expect(totals).toEqual([
      {
        periodStart: new Date("2026-10-01T00:00:00Z"),
        currency: "usd",
        payments: 2,
        gross: 15_000,
        applicationFees: 1_500,
        fieldworkerNet: 13_500,
        refunded: 0,
        disputed: 0,
      },
      {
        periodStart: new Date("2026-11-01T00:00:00Z"),
        currency: "usd",
        payments: 1,
        gross: 7_000,
        applicationFees: 700,
        fieldworkerNet: 6_300,
        refunded: 0,
        disputed: 0,
      },
    ]);
    const listed = await listFieldworkerPayments(t.db, b.tenant.id, "acct_m1");
    expect(listed.map((p) => p.amount)).toEqual([9_999, 7_000, 5_000, 10_000]);
    expect(listed[0]?.service_name).toBe("Gutter clean");
  });

  it("lists open alerts by fieldworker or account, leaving out the kinds asked", async () => {
    const b = await business("alerts");
    const alert = { tenantId: b.tenant.id, fieldworkerId: b.worker.id, accountId: "acct_al" };
    await raiseFieldworkerAlert(t.db, {
      ...alert,
      key: "payout_late:po_1",
      kind: "payout_late",
      title: "Late",
      explanation: "E",
      fix: "F",
    });
    await raiseFieldworkerAlert(t.db, {
      ...alert,
      key: "payout_late:po_1",
      kind: "payout_late",
      title: "Still late",
      explanation: "E",
      fix: "F",
    });
    await raiseFieldworkerAlert(t.db, {
      ...alert,
      key: `fieldworker_unpayable:${b.worker.id}`,
      kind: "fieldworker_unpayable",
      title: "U",
      explanation: "E",
      fix: "F",
    });
    const open = await openAccountAlerts(t.db, { ...alert, excludeKinds: ["fieldworker_unpayable"] });
    expect(open.map((a) => a.title)).toEqual(["Still late"]);
  });
});
