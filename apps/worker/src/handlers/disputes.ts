// Disputes on our payments (charge.dispute.created, .updated, .closed, .funds_withdrawn, .funds_reinstated), on
// either endpoint: a Standard account's direct charge is disputed on the fieldworker's account (Connect endpoint,
// event.account). Each event carries the whole dispute, so every one goes through the same snapshot: newest status
// wins, money withdrawn and reinstated only grows. In the same transaction: the admin's alert, and, when the
// fieldworker carries a destination charge's dispute, the job that takes their share back or sends it again;
// the admins' "dispute opened" email the first time we hear of it open.
import { applyDisputeSnapshot, type DisputeSnapshot, OPEN_DISPUTE } from "@fieldpay/db/repositories/disputes";
import { enqueueJob, tenantQueue } from "@fieldpay/db/repositories/job-queue";
import type Stripe from "stripe";
import { refreshDisputeAlerts } from "../disputes/dispute-alerts.ts";
import { queueDisputeOpenedEmails } from "../disputes/dispute-emails.ts";
import { type EventContext, fromUnix, idOf } from "./types.ts";

type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeUpdatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent;

/** What Stripe's balance transactions for the dispute say: taken (with its fee) and given back. */
function moneyMoved(dispute: Stripe.Dispute) {
  const moves = dispute.balance_transactions ?? [];
  const taken = moves.filter((t) => t.amount < 0);
  const back = moves.filter((t) => t.amount > 0);
  const latest = (list: typeof moves) =>
    list.length ? fromUnix(Math.max(...list.map((t) => t.created))) : null;
  return {
    withdrawn: taken.reduce((sum, t) => sum - t.amount, 0),
    withdrawnAt: latest(taken),
    reinstated: back.reduce((sum, t) => sum + t.amount, 0),
    reinstatedAt: latest(back),
    fee: Math.max(
      0,
      moves.reduce((sum, t) => sum + (t.fee ?? 0), 0),
    ),
  };
}

export function disputeSnapshot(dispute: Stripe.Dispute, paymentIntentId: string): DisputeSnapshot | null {
  const chargeId = idOf(dispute.charge);
  if (chargeId === null) return null;
  const dueBy = dispute.evidence_details?.due_by;
  return {
    id: dispute.id,
    chargeId,
    paymentIntentId,
    reason: dispute.reason,
    amount: dispute.amount,
    currency: dispute.currency,
    status: dispute.status,
    dueBy: typeof dueBy === "number" ? fromUnix(dueBy) : null,
    createdAt: fromUnix(dispute.created),
    ...moneyMoved(dispute),
  };
}

export async function disputeChanged(ctx: EventContext<DisputeEvent>): Promise<string> {
  const object = ctx.event.data.object;
  const paymentIntentId = idOf(object.payment_intent);
  if (paymentIntentId === null) return "ignored: the dispute has no PaymentIntent";
  const snapshot = disputeSnapshot(object, paymentIntentId);
  if (snapshot === null) return "ignored: the dispute names no charge";
  const onAccount = ctx.endpoint === "connect" ? (ctx.event.account ?? null) : null;
  const applied = await applyDisputeSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    dispute: snapshot,
    eventAt: ctx.eventAt,
    onAccount,
  });
  if (applied === null) return "ignored: not one of our payments";
  const { dispute } = applied;
  await refreshDisputeAlerts(ctx.trx, { tenantId: ctx.tenantId, now: new Date() });
  // Told once, when we first hear of it open (a dispute first heard of as won needs nobody's attention).
  if (applied.opened && OPEN_DISPUTE.includes(dispute.status)) {
    await queueDisputeOpenedEmails(ctx.trx, dispute, ctx.webOrigin);
  }
  if (dispute.liability === "fieldworker" && applied.chargeType === "destination") {
    await enqueueJob(ctx.trx, {
      task: "settle_dispute_share",
      payload: { tenantId: ctx.tenantId, disputeId: dispute.id },
      jobKey: `dispute_share:${ctx.tenantId}:${dispute.id}`,
      queueName: tenantQueue(ctx.tenantId),
    });
  }
  return `dispute ${dispute.id} ${dispute.status} (${dispute.funds_withdrawn} withdrawn, ${dispute.funds_reinstated} reinstated)`;
}
