// The fieldworker carries a destination charge's dispute when the business says so: their share is taken back from
// the charge's transfer when the dispute opens, and sent again if it is won, each once, with exact parameters and
// idempotency keys (real stripe-mock behind the recording proxy), whatever the order and however often Stripe sends.
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomId, seedDoneBooking } from "../testing/after-job-fixture.ts";
import { disputeOf, disputeState, reinstatement, T0, withdrawal } from "../testing/dispute-fixture.ts";
import {
  deliver,
  listenWorker,
  seedBusiness,
  stripeEvent,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";

const proxy = useRecordingProxy();
const env = {} as { kit: WorkerTestKit; worker: Awaited<ReturnType<typeof listenWorker>>; tenantId: string };
beforeAll(async () => {
  env.kit = await workerTestKit({ stripeApiBase: proxy().url });
  env.worker = await listenWorker(env.kit.deps);
  ({ tenantId: env.tenantId } = await seedBusiness(env.kit.t.db, env.kit.deps.secretBox));
});
afterAll(async () => {
  await env.worker?.close();
  await env.kit?.t.drop();
});

type Event = ReturnType<typeof stripeEvent>;
async function deliverTwice(events: Event[]) {
  for (const event of events) {
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
  }
  await env.kit.drain();
}

const setLiability = (liability: "business" | "fieldworker") =>
  env.kit.t.db
    .updateTable("payment_settings")
    .set({ dispute_liability: liability })
    .where("tenant_id", "=", env.tenantId)
    .execute();

/** A paid destination charge of $100 (10% commission: $90 is the fieldworker's), its charge and its transfer. */
async function destinationBooking(options: { transferKnown: boolean }) {
  const { booking, atBooking } = await seedDoneBooking(env.kit.t.db, env.tenantId, {
    plan: "full",
    price: 10_000,
    final: 10_000,
    chargeType: "destination",
    accountId: "acct_fwfay",
  });
  const pi = atBooking?.payment_intent_id ?? "";
  const chargeId = randomId("ch");
  const transferId = randomId("tr");
  if (options.transferKnown) {
    const transfer = {
      id: transferId,
      object: "transfer",
      amount: 10_000,
      amount_reversed: 0,
      currency: "usd",
      destination: "acct_fwfay",
      source_transaction: chargeId,
      created: T0 - 60,
    };
    await deliverTwice([stripeEvent("transfer.created", transfer, { created: T0 - 60 })]);
  }
  const id = randomId("du");
  const taken = [withdrawal(5_000, T0)];
  const back = [...taken, reinstatement(5_000, T0 + 100)];
  const d = (extra: Record<string, unknown>) => disputeOf(pi, chargeId, { id, amount: 5_000, ...extra });
  const opened = stripeEvent("charge.dispute.created", d({ balance_transactions: taken }), { created: T0 });
  const won = [
    stripeEvent("charge.dispute.closed", d({ status: "won", balance_transactions: back }), {
      created: T0 + 100,
    }),
    stripeEvent("charge.dispute.funds_reinstated", d({ status: "won", balance_transactions: back }), {
      created: T0 + 101,
    }),
  ];
  return { booking, id, chargeId, transferId, opened, won };
}

const transferRequests = () =>
  proxy().requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/transfers"));

describe("the fieldworker's share of a disputed destination charge", () => {
  it("is taken back when the dispute opens and sent again when it is won, once each", async () => {
    await setLiability("fieldworker");
    const b = await destinationBooking({ transferKnown: true });
    await deliverTwice([b.opened]);
    const [reversal, ...more] = transferRequests();
    expect(more).toEqual([]);
    expect(reversal?.path).toBe(`/v1/transfers/${b.transferId}/reversals`);
    expect(reversal?.form).toEqual({
      amount: "4500",
      description: "Fieldworker's share of a disputed payment",
      "metadata[tenant_id]": env.tenantId,
      "metadata[dispute_id]": b.id,
    });
    expect(reversal?.headers["idempotency-key"]).toBe(
      `fieldpay:transfer_reversal:create:${env.tenantId}:${b.id}`,
    );
    let s = await disputeState(env.kit.t.db, env.tenantId, b.booking.id);
    expect(s.booking.status).toBe("disputed");
    expect(s.dispute).toMatchObject({ liability: "fieldworker", share_reversed: 4_500 });
    expect(s.ledger).toContainEqual({
      kind: "dispute_share_reversed",
      amount: 0,
      business_amount: 4_500,
      fieldworker_amount: -4_500,
    });

    proxy().reset();
    await deliverTwice(b.won);
    await deliverTwice([b.opened, ...b.won]);
    const [resent, ...again] = transferRequests();
    expect(again).toEqual([]);
    expect(resent?.path).toBe("/v1/transfers");
    expect(resent?.form).toEqual({
      amount: "4500",
      currency: "usd",
      destination: "acct_fwfay",
      transfer_group: b.booking.id,
      description: "Fieldworker's share again: the dispute was won",
      "metadata[tenant_id]": env.tenantId,
      "metadata[booking_id]": b.booking.id,
      "metadata[dispute_id]": b.id,
    });
    expect(resent?.headers["idempotency-key"]).toBe(
      `fieldpay:transfer:create:${env.tenantId}:${b.id}:dispute_won`,
    );
    s = await disputeState(env.kit.t.db, env.tenantId, b.booking.id);
    expect(s.booking.status).toBe("paid");
    const lines = s.ledger.map((l) => [l.kind, l.amount, l.business_amount, l.fieldworker_amount]);
    expect(lines.sort()).toEqual([
      ["charge", 10_000, 1_000, 9_000],
      ["dispute_reinstated", 5_000, 5_000, 0],
      ["dispute_share_resent", 0, -4_500, 4_500],
      ["dispute_share_reversed", 0, 4_500, -4_500],
      ["dispute_withdrawn", -5_000, -5_000, 0],
    ]);
  });

  it("a dispute first heard of as won takes nothing back", async () => {
    await setLiability("fieldworker");
    const b = await destinationBooking({ transferKnown: true });
    await deliverTwice([...b.won, b.opened]);
    expect(transferRequests()).toEqual([]);
    const s = await disputeState(env.kit.t.db, env.tenantId, b.booking.id);
    expect(s.dispute).toMatchObject({ status: "won", share_reversed: null });
    expect(s.booking.status).toBe("paid");
  });

  it("finds the transfer on Stripe's charge when its transfer.created has not arrived", async () => {
    await setLiability("fieldworker");
    const b = await destinationBooking({ transferKnown: false });
    proxy().intercept({
      method: "GET",
      path: `/v1/charges/${b.chargeId}`,
      patch: (charge) => ({ ...charge, id: b.chargeId, transfer: "tr_fromthecharge" }),
    });
    await deliverTwice([b.opened]);
    expect(transferRequests().map((r) => r.path)).toEqual(["/v1/transfers/tr_fromthecharge/reversals"]);
  });

  it("while the business carries disputes (the default), nothing is taken from the fieldworker", async () => {
    await setLiability("business");
    const b = await destinationBooking({ transferKnown: true });
    await deliverTwice([b.opened]);
    expect(transferRequests()).toEqual([]);
    const s = await disputeState(env.kit.t.db, env.tenantId, b.booking.id);
    expect(s.dispute?.liability).toBe("business");
    expect(s.ledger.map((l) => l.kind)).toEqual(["charge", "dispute_withdrawn"]);
  });
});
