// What a developer sees after `npm run dev` seeds (twice: every start seeds again), against a real database and
// stripe-mock: the Connect demo's fieldworkers can be paid, its past payments split exactly, its earnings and
// payouts pages have something on them, and the printed logins work.
import type { Tenant } from "@fieldpay/db/schema";
import { useTestDatabase } from "@fieldpay/db/testing";
import { tenantSnapshot } from "@fieldpay/db/testing/tenant-snapshot";
import { splitCharge } from "@fieldpay/payments/fees";
import { beforeAll, describe, expect, it } from "vitest";
import { bookingOptions } from "../booking/create-booking.ts";
import { assertCanReceivePayments } from "../connect/payable.ts";
import { authFromToken, callerFor, testDeps } from "../testing/harness.ts";
import { CONNECT_FIELDWORKERS, CONNECT_KEYS, seedConnectDemo } from "./seed-connect.ts";
import { seedDemo } from "./seed-demo.ts";
import { type SeedLogin, type SeedResult, seedLines } from "./seed-shared.ts";

const t = useTestDatabase();
const seeded = {} as { direct: SeedResult; connect: SeedResult };
type Snapshot = Awaited<ReturnType<typeof tenantSnapshot>>;
const snapshots: { first: Snapshot[]; second: Snapshot[] } = { first: [], second: [] };

const rowCounts = (snapshot: Snapshot | undefined) =>
  Object.fromEntries(Object.entries(snapshot ?? {}).map(([table, rows]) => [table, rows.length]));

async function seedBoth() {
  const deps = testDeps(t.db);
  return { direct: await seedDemo(deps), connect: await seedConnectDemo(deps) };
}

const snapshotsOf = (tenants: Tenant[]) =>
  Promise.all(tenants.map((tenant) => tenantSnapshot(t.db, tenant.id)));

beforeAll(async () => {
  Object.assign(seeded, await seedBoth());
  snapshots.first = await snapshotsOf([seeded.direct.tenant, seeded.connect.tenant]);
  const again = await seedBoth();
  expect(again.connect.tenant.id).toBe(seeded.connect.tenant.id);
  snapshots.second = await snapshotsOf([again.direct.tenant, again.connect.tenant]);
});

async function signedIn(login: SeedLogin) {
  const deps = testDeps(t.db);
  const anonymous = callerFor(deps);
  await anonymous.caller.auth.signIn({ email: login.email, password: login.password });
  const token = anonymous.cookies.token;
  if (!token) throw new Error(`${login.email} did not get a session`);
  return callerFor(deps, await authFromToken(t.db, token)).caller;
}

const connectLogin = (role: SeedLogin["role"]) => {
  const login = seeded.connect.logins.find((l) => l.role === role);
  if (!login) throw new Error(`no ${role} login was seeded`);
  return login;
};

describe("the demo seed", () => {
  it("changes nothing when it runs again", () => {
    expect(snapshots.second).toEqual(snapshots.first);
    expect(rowCounts(snapshots.second[1])).toMatchObject({
      users: 4,
      services: 3,
      fieldworker_accounts: 2,
      invitations: 2,
      bookings: 6,
      payments: 6,
      application_fees: 6,
      transfers: 6,
      payouts: 4,
      payment_settings: 1,
    });
  });

  it("seeds demo-connect in Stripe Connect mode with Express accounts and its fake secrets sealed", async () => {
    const tenantId = seeded.connect.tenant.id;
    expect(seeded.connect.tenant).toMatchObject({ slug: "demo-connect", name: "Demo Connect Crew" });
    const settings = await t.db
      .selectFrom("payment_settings")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    expect(settings).toMatchObject({
      mode: "connect",
      connect_account_type: "express",
      commission_bps: 1500,
      publishable_key: CONNECT_KEYS.publishableKey,
    });
    const box = testDeps(t.db).secretBox;
    expect(box.open(settings.secret_key_sealed, tenantId, "stripe_secret_key")).toBe(CONNECT_KEYS.secretKey);
    expect(Buffer.from(settings.secret_key_sealed).toString("latin1")).not.toContain("sk_test_");
    expect(
      settings.webhook_secret_sealed && box.open(settings.webhook_secret_sealed, tenantId, "webhook_secret"),
    ).toBe(CONNECT_KEYS.webhookSecret);
    const connectSecret = settings.connect_webhook_secret_sealed;
    expect(connectSecret && box.open(connectSecret, tenantId, "connect_webhook_secret")).toBe(
      CONNECT_KEYS.connectWebhookSecret,
    );
    const accounts = await t.db
      .selectFrom("fieldworker_accounts")
      .select(["stripe_account_id", "account_type"])
      .where("tenant_id", "=", tenantId)
      .orderBy("stripe_account_id")
      .execute();
    expect(accounts).toEqual([
      { stripe_account_id: "acct_demoFieldworker1", account_type: "express" },
      { stripe_account_id: "acct_demoFieldworker2", account_type: "express" },
    ]);
  });

  it("makes both fieldworkers ready to be paid, as fieldpay decides it before charging", async () => {
    const tenantId = seeded.connect.tenant.id;
    const admin = await signedIn(connectLogin("admin"));
    const listed = await admin.fieldworkers.list();
    expect(listed.map((fw) => [fw.name, fw.status, fw.accountType])).toEqual(
      CONNECT_FIELDWORKERS.map((fw) => [fw.login.name, "active", "express"]),
    );
    for (const fw of listed) {
      const payable = await assertCanReceivePayments(t.db, tenantId, fw.id);
      expect(payable, fw.name).toMatchObject({ ok: true, account: { accountType: "express" } });
    }
    // And the booking portal offers both of them to customers.
    const options = await bookingOptions(t.db, tenantId);
    expect(options.fieldworkers.map((fw) => fw.name)).toEqual(
      CONNECT_FIELDWORKERS.map((fw) => fw.login.name),
    );
  });

  it("records past destination charges whose application fee and fieldworker net add up to the amount", async () => {
    const tenantId = seeded.connect.tenant.id;
    const payments = await t.db
      .selectFrom("payments")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(payments).toHaveLength(6);
    for (const p of payments) {
      expect(p).toMatchObject({ status: "succeeded", charge_type: "destination", on_account: null });
      expect(p.application_fee_amount).toBeGreaterThan(0);
      expect((p.application_fee_amount ?? 0) + (p.fieldworker_net_amount ?? 0)).toBe(p.amount);
      const split = splitCharge({
        charge: { amount: p.amount, currency: p.currency },
        rule: { basisPoints: 1500 },
      });
      expect(split.ok && split.applicationFee.amount).toBe(p.application_fee_amount);
    }
    const bookings = await t.db
      .selectFrom("bookings")
      .select("status")
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(bookings.map((b) => b.status)).toEqual(Array(6).fill("paid"));
  });

  it("gives each fieldworker non-zero earnings, their fees and transfers, and a paid and an in-transit payout", async () => {
    for (const fw of CONNECT_FIELDWORKERS) {
      const caller = await signedIn(fw.login);
      const money = await caller.fieldworkers.myEarnings({ period: "month" });
      const net = money.totals.reduce((sum, total) => sum + total.fieldworkerNet.amount, 0);
      expect(net, fw.login.name).toBeGreaterThan(0);
      expect(money.payments).toHaveLength(3);
      expect(money.fees).toHaveLength(3);
      expect(money.transfers).toHaveLength(3);
      expect(money.payouts.map((p) => [p.status, p.upcoming, p.late])).toEqual([
        ["in_transit", true, null],
        ["paid", false, null],
      ]);
      // Paid out so far plus on its way is exactly what they earned: the demo balance is settled.
      expect(money.payouts.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(net);
      const fees = money.fees.reduce((sum, f) => sum + f.amount.amount, 0);
      const transferred = money.transfers.reduce((sum, tr) => sum + tr.amount.amount, 0);
      expect(transferred - fees).toBe(net);
    }
  });

  it("prints one line per login and the booking portal, and the printed customer password works", async () => {
    const lines = seedLines(seeded.connect, "http://localhost:5173");
    for (const login of seeded.connect.logins) {
      expect(lines.some((l) => l.includes(`${login.role}: ${login.email} / ${login.password}`))).toBe(true);
    }
    expect(lines.at(-1)).toContain("http://localhost:5173/book/demo-connect");
    expect(seedLines(seeded.direct, "http://localhost:5173").join("\n")).toContain(
      "admin: admin@demo.test / fieldpay-demo-2026",
    );
    const customer = connectLogin("customer");
    const anonymous = callerFor(testDeps(t.db));
    await anonymous.caller.auth.customerSignIn({
      tenantSlug: "demo-connect",
      email: customer.email,
      password: customer.password,
    });
    expect(anonymous.cookies.token).not.toBeNull();
  });
});
