// "A booking cannot be paid to a fieldworker whose account cannot receive it": the customer gets a clear
// message, the admin one open alert with the fix, resolved once the fieldworker can be paid.
import { applyAccountSnapshot } from "@fieldpay/db/repositories/fieldworker-accounts";
import { insertUser } from "@fieldpay/db/repositories/users";
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { connectedFieldworker } from "../booking/testing/portal-setup.ts";
import { newBusiness } from "../testing/harness.ts";
import { assertCanReceivePayments, unpayableAlertKey } from "./payable.ts";

const t = useTestDatabase();

async function worker(tenantId: string, label: string) {
  return insertUser(t.db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: `${label}-${tenantId.slice(0, 8)}@fw.test`,
    name: `Worker ${label}`,
    password_hash: null,
  });
}

const openAlerts = (tenantId: string) =>
  t.db
    .selectFrom("alerts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("resolved_at", "is", null)
    .execute();

describe("assertCanReceivePayments", () => {
  it("refuses a fieldworker without a Stripe account and raises one alert for the admin, however often asked", async () => {
    const biz = await newBusiness(t.db, "payable");
    const tenantId = biz.auth.tenant.id;
    const w = await worker(tenantId, "none");
    const first = await assertCanReceivePayments(t.db, tenantId, w.id);
    await assertCanReceivePayments(t.db, tenantId, w.id);
    expect(first).toEqual({
      ok: false,
      reason: "not_connected",
      customerMessage: "This booking cannot be paid online right now.",
      customerFix:
        "Nothing was charged. The business has been told and will sort it out; try again later or contact them.",
    });
    const alerts = await openAlerts(tenantId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      key: unpayableAlertKey(w.id),
      kind: "fieldworker_unpayable",
      severity: "warning",
      fieldworker_id: w.id,
      title: "A customer could not pay Worker none for a booking",
      fix: expect.stringContaining("My Stripe account"),
    });
  });

  it("refuses charges-disabled and transfers-inactive accounts, then resolves the alert once Stripe enables them", async () => {
    const biz = await newBusiness(t.db, "payable-2");
    const tenantId = biz.auth.tenant.id;
    const w = await worker(tenantId, "later");
    const account = `acct_later${tenantId.slice(0, 8)}`;
    await connectedFieldworker(t.db, tenantId, w.id, { id: account, type: "express", chargesEnabled: false });
    expect(await assertCanReceivePayments(t.db, tenantId, w.id)).toMatchObject({
      ok: false,
      reason: "charges_disabled",
    });

    const snapshot = {
      status: "active" as const,
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      requirements: {},
      capabilities: { card_payments: "active", transfers: "pending" },
    };
    await applyAccountSnapshot(t.db, { tenantId, stripeAccountId: account, snapshot, eventAt: new Date() });
    expect(await assertCanReceivePayments(t.db, tenantId, w.id)).toMatchObject({
      ok: false,
      reason: "transfers_inactive",
    });
    expect((await openAlerts(tenantId))[0]?.explanation).toContain("transfers");

    await applyAccountSnapshot(t.db, {
      tenantId,
      stripeAccountId: account,
      snapshot: { ...snapshot, capabilities: { card_payments: "active", transfers: "active" } },
      eventAt: new Date(Date.now() + 1000),
    });
    const payable = await assertCanReceivePayments(t.db, tenantId, w.id);
    expect(payable).toMatchObject({
      ok: true,
      account: { stripeAccountId: account, accountType: "express" },
    });
    expect(await openAlerts(tenantId)).toEqual([]);
  });

  it("does not find another business's fieldworker (and writes no alert there)", async () => {
    const a = await newBusiness(t.db, "payable-a");
    const b = await newBusiness(t.db, "payable-b");
    const theirs = await worker(b.auth.tenant.id, "theirs");
    await connectedFieldworker(t.db, b.auth.tenant.id, theirs.id, { id: "acct_theirs1", type: "standard" });
    expect(await assertCanReceivePayments(t.db, a.auth.tenant.id, theirs.id)).toMatchObject({
      ok: false,
      reason: "not_a_fieldworker",
    });
    expect(await openAlerts(a.auth.tenant.id)).toEqual([]);
    expect(await openAlerts(b.auth.tenant.id)).toEqual([]);
  });
});
