// Commission: booking override, then fieldworker override, then the business default; shown as a split.
import { insertUser } from "@fieldpay/db/repositories/users";
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../booking/testing/portal-setup.ts";
import { callerFor, newBusiness, rejection, testDeps } from "../testing/harness.ts";
import { resolveCommission } from "./commission.ts";

const t = useTestDatabase();

const settings = { commission_bps: 1000, commission_fixed: 30, currency: "usd" };
const none = { commission_bps: null, commission_fixed: null };

describe("resolveCommission", () => {
  it("takes the most specific level that says anything, as a whole", () => {
    expect(resolveCommission({ settings })).toEqual({
      basisPoints: 1000,
      fixed: { amount: 30, currency: "usd" },
      source: "business",
    });
    expect(
      resolveCommission({ settings, fieldworker: none, booking: { ...none, currency: "usd" } }).source,
    ).toBe("business");
    expect(
      resolveCommission({ settings, fieldworker: { commission_bps: 1500, commission_fixed: null } }),
    ).toEqual({
      basisPoints: 1500,
      source: "fieldworker",
    });
    expect(
      resolveCommission({
        settings,
        fieldworker: { commission_bps: 1500, commission_fixed: null },
        booking: { commission_bps: null, commission_fixed: 500, currency: "eur" },
      }),
    ).toEqual({ basisPoints: 0, fixed: { amount: 500, currency: "eur" }, source: "booking" });
  });
});

describe("per-fieldworker override and the split preview", () => {
  it("stores the admin's override and previews 12.5% + $0.50 on $100.00 as $13.00 / $87.00", async () => {
    const biz = await newBusiness(t.db, "commission");
    const deps = testDeps(t.db);
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "connect", commissionBps: 1000, fixed: 30 });
    const w = await insertUser(t.db, {
      tenant_id: biz.auth.tenant.id,
      role: "fieldworker",
      email: `c-${biz.slug}@fw.test`,
      name: "Cal",
      password_hash: null,
    });
    const admin = callerFor(deps, biz.auth).caller;
    const before = await admin.fieldworkers.previewSplit({ amount: "100.00", fieldworkerId: w.id });
    expect(before).toMatchObject({
      applicationFee: { amount: 1030 },
      fieldworkerNet: { amount: 8970 },
      source: "business",
    });

    const saved = await admin.fieldworkers.setCommission({
      fieldworkerId: w.id,
      percent: "12.5",
      fixed: "0.50",
    });
    expect(saved.commission).toMatchObject({ source: "fieldworker", percent: "12.5", fixed: "0.50" });
    const after = await admin.fieldworkers.previewSplit({ amount: "100.00", fieldworkerId: w.id });
    expect(after).toEqual({
      charge: { amount: 10000, currency: "usd" },
      applicationFee: { amount: 1300, currency: "usd" },
      fieldworkerNet: { amount: 8700, currency: "usd" },
      basisPoints: 1250,
      fixed: { amount: 50, currency: "usd" },
      source: "fieldworker",
      capped: false,
    });

    const cleared = await admin.fieldworkers.setCommission({ fieldworkerId: w.id, percent: "", fixed: null });
    expect(cleared.commission).toMatchObject({
      source: "business",
      overridePercent: null,
      overrideFixed: null,
    });
  });

  it("refuses a bad percentage with the fix and changes nothing", async () => {
    const biz = await newBusiness(t.db, "commission-bad");
    const deps = testDeps(t.db);
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "connect" });
    const w = await insertUser(t.db, {
      tenant_id: biz.auth.tenant.id,
      role: "fieldworker",
      email: `b-${biz.slug}@fw.test`,
      name: "Bo",
      password_hash: null,
    });
    const admin = callerFor(deps, biz.auth).caller;
    const error = await rejection(
      admin.fieldworkers.setCommission({ fieldworkerId: w.id, percent: "150", fixed: null }),
    );
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: "The commission percentage must be a number from 0 to 100, with at most two decimals.",
    });
    const row = await t.db
      .selectFrom("fieldworker_accounts")
      .selectAll()
      .where("user_id", "=", w.id)
      .executeTakeFirst();
    expect(row?.commission_bps ?? null).toBeNull();
  });
});
