// Stripe dispute objects and events as Stripe sends them, and what a test reads back after applying them.
import type { Db } from "@fieldpay/db/client";
import { randomId } from "./after-job-fixture.ts";
import { stripeEvent } from "./worker-test-kit.ts";

export const T0 = 1_900_000_000;
export const DAY = 86_400;

export function disputeOf(pi: string, chargeId: string, extra: Record<string, unknown> = {}) {
  return {
    id: "du_placeholder",
    object: "dispute",
    amount: 10_000,
    currency: "usd",
    charge: chargeId,
    payment_intent: pi,
    reason: "product_not_received",
    status: "needs_response",
    created: T0,
    evidence_details: { due_by: T0 + 7 * DAY, has_evidence: false, past_due: false, submission_count: 0 },
    balance_transactions: [],
    ...extra,
  };
}

export const withdrawal = (amount: number, created: number) => ({
  id: randomId("txn"),
  object: "balance_transaction",
  amount: -amount,
  fee: 1_500,
  net: -amount - 1_500,
  created,
});
export const reinstatement = (amount: number, created: number) => ({
  ...withdrawal(amount, created),
  amount,
  fee: 0,
  net: amount,
});

/** The usual life of a won dispute: opened with the money taken, evidence in, won and the money back. */
export function wonDispute(pi: string, id = randomId("du"), chargeId = randomId("ch")) {
  const taken = [withdrawal(10_000, T0)];
  const both = [...taken, reinstatement(10_000, T0 + 30 * DAY)];
  const d = (extra: Record<string, unknown>) => disputeOf(pi, chargeId, { id, ...extra });
  return [
    stripeEvent("charge.dispute.created", d({ balance_transactions: taken }), { created: T0 }),
    stripeEvent("charge.dispute.funds_withdrawn", d({ balance_transactions: taken }), { created: T0 + 1 }),
    stripeEvent("charge.dispute.updated", d({ status: "under_review", balance_transactions: taken }), {
      created: T0 + 2 * DAY,
    }),
    stripeEvent("charge.dispute.closed", d({ status: "won", balance_transactions: both }), {
      created: T0 + 30 * DAY,
    }),
    stripeEvent("charge.dispute.funds_reinstated", d({ status: "won", balance_transactions: both }), {
      created: T0 + 30 * DAY + 1,
    }),
  ];
}

export async function disputeState(db: Db, tenantId: string, bookingId: string) {
  const booking = await db
    .selectFrom("bookings")
    .selectAll()
    .where("id", "=", bookingId)
    .executeTakeFirstOrThrow();
  const disputes = await db.selectFrom("disputes").selectAll().where("booking_id", "=", bookingId).execute();
  const ledger = await db
    .selectFrom("ledger_lines")
    .select(["kind", "amount", "business_amount", "fieldworker_amount"])
    .where("booking_id", "=", bookingId)
    .orderBy("occurred_at")
    .orderBy("kind")
    .execute();
  const alerts = await db
    .selectFrom("alerts")
    .select(["key", "severity", "title", "fix", "resolved_at"])
    .where("tenant_id", "=", tenantId)
    .where("kind", "=", "dispute_open")
    .where("key", "in", disputes.length ? disputes.map((d) => `dispute_open:${d.id}`) : ["none"])
    .execute();
  return { booking, dispute: disputes[0], disputes, ledger, alerts };
}
