// Payouts of the business (account endpoint) and of fieldworkers (Connect endpoint, routed by event.account).
import { findFieldworkerByStripeAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import { requestPayoutCheck } from "@fieldpay/db/repositories/job-queue";
import { applyPayoutSnapshot } from "@fieldpay/db/repositories/payouts";
import type Stripe from "stripe";
import { queuePayoutEmails } from "../mail/payout-emails.ts";
import { type EventContext, fromUnix } from "./types.ts";

export type PayoutEvent =
  | Stripe.PayoutCreatedEvent
  | Stripe.PayoutPaidEvent
  | Stripe.PayoutFailedEvent
  | Stripe.PayoutCanceledEvent
  | Stripe.PayoutUpdatedEvent;

export async function payoutChanged(ctx: EventContext<PayoutEvent>): Promise<string> {
  const payout = ctx.event.data.object;
  const connected = ctx.event.account ?? null;
  let fieldworkerId: string | null = null;
  if (connected !== null) {
    const fieldworker = await findFieldworkerByStripeAccount(ctx.trx, ctx.tenantId, connected);
    if (!fieldworker) return "ignored: payout of an unknown connected account";
    fieldworkerId = fieldworker.user_id;
  }
  const snapshot = {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    arrivalDate: payout.arrival_date ? fromUnix(payout.arrival_date) : null,
    failureCode: payout.failure_code ?? null,
    failureMessage: payout.failure_message ?? null,
  };
  const applied = await applyPayoutSnapshot(ctx.trx, {
    ...snapshot,
    tenantId: ctx.tenantId,
    accountId: connected ?? ctx.businessAccountId,
    fieldworkerId,
    createdAt: fromUnix(payout.created),
    eventAt: ctx.eventAt,
  });
  if (applied) {
    const emails = { tenantId: ctx.tenantId, fieldworkerId, payout: snapshot, webOrigin: ctx.webOrigin };
    await queuePayoutEmails(ctx.trx, emails);
  }
  if (applied && payout.status === "failed") {
    // A failed payout should not wait for the next scheduled check to become an alert with its fix.
    await requestPayoutCheck(ctx.trx, ctx.tenantId, "scheduled");
  }
  return applied ? `payout is ${payout.status}` : "ignored: a newer event about this payout was applied";
}
