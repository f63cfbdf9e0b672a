import { describe, expect, it } from "vitest";
import { deliver, seedFieldworker, stripeEvent, useWorkerBusiness } from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();
const T0 = 1_900_000_000;

/** Delivers events in this order, then lets the queue process everything that is due. */
async function deliverAll(events: { event: ReturnType<typeof stripeEvent>; connect?: boolean }[]) {
  for (const { event, connect } of events) {
    expect((await deliver(env.worker, env.tenantId, event, { connect: connect ?? false })).status).toBe(200);
  }
  await env.kit.drain();
}

describe("Connect account events, routed by event.account", () => {
  const account = (id: string, ready: boolean) => ({
    id,
    object: "account",
    charges_enabled: ready,
    payouts_enabled: ready,
    details_submitted: ready,
    requirements: { currently_due: ready ? [] : ["individual.dob.day"], past_due: [], disabled_reason: null },
    capabilities: { card_payments: ready ? "active" : "inactive", transfers: ready ? "active" : "inactive" },
  });
  const row = (userId: string) =>
    env.kit.t.db
      .selectFrom("fieldworker_accounts")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();

  it("update the fieldworker's account, and an older snapshot arriving late changes nothing", async () => {
    const fw = await seedFieldworker(env.kit.t.db, env.tenantId);
    const id = fw.stripeAccountId ?? "";
    await deliverAll([
      {
        event: stripeEvent("account.updated", account(id, true), { account: id, created: T0 + 10 }),
        connect: true,
      },
      {
        event: stripeEvent("account.updated", account(id, false), { account: id, created: T0 }),
        connect: true,
      },
    ]);
    expect(await row(fw.userId)).toMatchObject({
      status: "active",
      payouts_enabled: true,
      charges_enabled: true,
    });
  });

  it("merge capability changes and record a disconnection", async () => {
    const fw = await seedFieldworker(env.kit.t.db, env.tenantId);
    const id = fw.stripeAccountId ?? "";
    const capability = { id: "transfers", object: "capability", account: id, status: "pending" };
    await deliverAll([
      { event: stripeEvent("capability.updated", capability, { account: id, created: T0 }), connect: true },
    ]);
    expect((await row(fw.userId)).capabilities).toEqual({ transfers: "pending" });
    const app = { id: "ca_1", object: "application", name: "fieldpay" };
    await deliverAll([
      {
        event: stripeEvent("account.application.deauthorized", app, { account: id, created: T0 + 1 }),
        connect: true,
      },
    ]);
    expect(await row(fw.userId)).toMatchObject({ status: "deauthorized", payouts_enabled: false });
  });
});

describe("payout, transfer and application fee events", () => {
  const payout = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
    id,
    object: "payout",
    amount: 4_200,
    currency: "usd",
    status,
    arrival_date: T0 + 86_400,
    created: T0,
    failure_code: null,
    failure_message: null,
    ...extra,
  });

  it("keep the newest payout state and route a connected account's payout to its fieldworker", async () => {
    const fw = await seedFieldworker(env.kit.t.db, env.tenantId);
    const id = fw.stripeAccountId ?? "";
    await deliverAll([
      {
        event: stripeEvent("payout.paid", payout("po_fw1", "paid"), { account: id, created: T0 + 20 }),
        connect: true,
      },
      {
        event: stripeEvent("payout.updated", payout("po_fw1", "in_transit"), {
          account: id,
          created: T0 + 5,
        }),
        connect: true,
      },
      { event: stripeEvent("payout.created", payout("po_biz1", "pending"), { created: T0 }) },
    ]);
    const rows = await env.kit.t.db
      .selectFrom("payouts")
      .selectAll()
      .where("tenant_id", "=", env.tenantId)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.id, r.account_id, r.fieldworker_id, r.status])).toEqual([
      ["po_biz1", "acct_business", null, "pending"],
      ["po_fw1", id, fw.userId, "paid"],
    ]);
  });

  it("record a failed payout's code", async () => {
    const failed = payout("po_fail", "failed", {
      failure_code: "account_closed",
      failure_message: "Closed.",
    });
    await deliverAll([{ event: stripeEvent("payout.failed", failed, { created: T0 + 30 }) }]);
    const row = await env.kit.t.db
      .selectFrom("payouts")
      .selectAll()
      .where("id", "=", "po_fail")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", failure_code: "account_closed" });
    // ...and a payout check ran at once (the queue was drained), not at the next scheduled time.
    const runs = await env.kit.t.db
      .selectFrom("payout_check_runs")
      .select("trigger")
      .where("tenant_id", "=", env.tenantId)
      .execute();
    expect(runs).toEqual([{ trigger: "scheduled" }]);
  });

  it("keep transfer reversals and fee refunds from ever going down", async () => {
    const transfer = (reversed: number) => ({
      id: "tr_1",
      object: "transfer",
      amount: 9_000,
      amount_reversed: reversed,
      currency: "usd",
      destination: "acct_fwx",
      source_transaction: "ch_1",
      created: T0,
    });
    const fee = (refunded: number) => ({
      id: "fee_1",
      object: "application_fee",
      account: "acct_fwx",
      amount: 1_200,
      amount_refunded: refunded,
      currency: "usd",
      charge: "ch_1",
      created: T0,
    });
    await deliverAll([
      { event: stripeEvent("transfer.reversed", transfer(9_000), { created: T0 + 9 }) },
      { event: stripeEvent("transfer.created", transfer(0), { created: T0 }) },
      { event: stripeEvent("application_fee.refunded", fee(1_200), { created: T0 + 9 }) },
      { event: stripeEvent("application_fee.created", fee(0), { created: T0 }) },
    ]);
    const t = await env.kit.t.db
      .selectFrom("transfers")
      .selectAll()
      .where("id", "=", "tr_1")
      .executeTakeFirstOrThrow();
    const f = await env.kit.t.db
      .selectFrom("application_fees")
      .selectAll()
      .where("id", "=", "fee_1")
      .executeTakeFirstOrThrow();
    expect([t.amount, t.amount_reversed, t.destination]).toEqual([9_000, 9_000, "acct_fwx"]);
    expect([f.amount, f.amount_refunded, f.account]).toEqual([1_200, 1_200, "acct_fwx"]);
  });
});
