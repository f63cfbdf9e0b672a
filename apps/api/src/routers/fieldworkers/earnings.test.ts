// Earnings and payouts: the admin's per-fieldworker view and the fieldworker's own, with why a payout is late
// (from the alerts the payout checks write) and totals per period.
import { applyPayoutSnapshot } from "@fieldpay/db/repositories/payouts";
import { insertUser } from "@fieldpay/db/repositories/users";
import { useTestDatabase } from "@fieldpay/db/testing";
import { seedBooking } from "@fieldpay/db/testing/booking";
import { describe, expect, it } from "vitest";
import { createSession } from "../../auth/session.ts";
import { connectedFieldworker, setUpPayments } from "../../booking/testing/portal-setup.ts";
import { assertCanReceivePayments } from "../../connect/payable.ts";
import { authFromToken, callerFor, newBusiness, newCustomer, testDeps } from "../../testing/harness.ts";

const t = useTestDatabase();

async function signedInWorker(tenantId: string, label: string, account: string) {
  const user = await insertUser(t.db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: `${label}-${tenantId.slice(0, 8)}@fw.test`,
    name: label,
    password_hash: null,
  });
  await connectedFieldworker(t.db, tenantId, user.id, { id: account, type: "express" });
  const session = await createSession(t.db, { id: user.id, tenantId });
  return { user, caller: callerFor(testDeps(t.db), await authFromToken(t.db, session.token)).caller };
}

describe("earnings and payouts", () => {
  it("shows payments, the split, totals, and a late payout with the reason, only to the right people", async () => {
    const biz = await newBusiness(t.db, "earnings");
    const tenantId = biz.auth.tenant.id;
    await setUpPayments(testDeps(t.db), tenantId, { mode: "connect", commissionBps: 1000 });
    const account = `acct_earn${tenantId.slice(0, 8)}`;
    const wes = await signedInWorker(tenantId, "Wes", account);
    const ria = await signedInWorker(tenantId, "Ria", `acct_ria${tenantId.slice(0, 8)}`);
    const customer = await newCustomer(t.db, biz.slug);
    const { bookingId } = await seedBooking(t.db, tenantId, customer.auth.user.id);
    await t.db
      .insertInto("payments")
      .values({
        tenant_id: tenantId,
        booking_id: bookingId,
        attempt: 1,
        payment_intent_id: `pi_earn${tenantId.slice(0, 8)}`,
        status: "succeeded",
        amount: 12_000,
        currency: "usd",
        charge_type: "destination",
        fieldworker_account_id: account,
        application_fee_amount: 1_200,
        fieldworker_net_amount: 10_800,
      })
      .execute();
    const payoutId = `po_late${tenantId.slice(0, 8)}`;
    await applyPayoutSnapshot(t.db, {
      tenantId,
      id: payoutId,
      accountId: account,
      fieldworkerId: wes.user.id,
      amount: 10_800,
      currency: "usd",
      status: "in_transit",
      arrivalDate: new Date("2026-11-20T00:00:00Z"),
      failureCode: null,
      failureMessage: null,
      createdAt: new Date("2026-11-18T00:00:00Z"),
      eventAt: new Date("2026-11-18T00:00:00Z"),
    });
    await t.db
      .insertInto("alerts")
      .values({
        tenant_id: tenantId,
        key: `payout_late:${payoutId}`,
        kind: "payout_late",
        severity: "warning",
        account_id: account,
        fieldworker_id: wes.user.id,
        payout_id: payoutId,
        title: "Payout is 3 business days late",
        explanation: "Stripe expected it on Nov 20; banks usually need 1-3 business days.",
        fix: "Check the bank details in your Stripe dashboard.",
        since: new Date(),
      })
      .execute();
    // An admin-only alert about another fieldworker must not reach Wes.
    const unpaid = await insertUser(t.db, {
      tenant_id: tenantId,
      role: "fieldworker",
      email: `x-${tenantId.slice(0, 8)}@fw.test`,
      name: "Xan",
      password_hash: null,
    });
    await assertCanReceivePayments(t.db, tenantId, unpaid.id);

    const mine = await wes.caller.fieldworkers.myEarnings({ period: "month" });
    expect(mine.payments).toMatchObject([
      {
        amount: { amount: 12_000, currency: "usd" },
        applicationFee: { amount: 1_200 },
        fieldworkerNet: { amount: 10_800 },
        status: "succeeded",
      },
    ]);
    expect(mine.payouts).toEqual([
      expect.objectContaining({
        id: payoutId,
        upcoming: true,
        expectedArrival: new Date("2026-11-20T00:00:00Z"),
        late: {
          title: "Payout is 3 business days late",
          explanation: "Stripe expected it on Nov 20; banks usually need 1-3 business days.",
          fix: "Check the bank details in your Stripe dashboard.",
        },
      }),
    ]);
    expect(mine.alerts.map((a) => a.kind)).toEqual(["payout_late"]);
    expect(mine.totals).toHaveLength(1);
    expect(mine.totals[0]).toMatchObject({
      payments: 1,
      gross: { amount: 12_000 },
      fieldworkerNet: { amount: 10_800 },
    });

    const theirs = await ria.caller.fieldworkers.myEarnings({ period: "week" });
    expect(theirs).toMatchObject({ payments: [], payouts: [], totals: [], alerts: [] });

    const admin = callerFor(testDeps(t.db), biz.auth).caller;
    const seen = await admin.fieldworkers.get({ fieldworkerId: wes.user.id, period: "week" });
    expect(seen.earnings.payments).toEqual(mine.payments);
    expect(seen.earnings.totals[0]?.label).toMatch(/^Week of \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(seen.accountId).toBe(account);
    const unpayable = await admin.fieldworkers.get({ fieldworkerId: unpaid.id, period: "month" });
    expect(unpayable.earnings.alerts).toMatchObject([
      { kind: "fieldworker_unpayable", title: "A customer could not pay Xan for a booking" },
    ]);
  });
});
