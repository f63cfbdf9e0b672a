// A balance the customer must pay themselves: their bank wants them to confirm the charge, the card was declined,
// or no card was saved. The admin's alert says what happened and what fixes it; the customer's email links to
// the portal page that completes the same PaymentIntent (3-D Secure included). Written in one transaction with
// the payment's and booking's change, once however often the job runs.
import { balanceDueRecipients, recordBalanceDue } from "@fieldpay/db/repositories/after-job-charges";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { recordOffSessionFailure } from "@fieldpay/db/repositories/payments";
import { formatMoney } from "@fieldpay/payments/money/format";
import type { AfterJobContext } from "./context.ts";

/** Why the customer has to act, in the words both the admin and the customer read. */
export type BalanceDueReason =
  | { kind: "authentication_required" }
  | { kind: "declined"; message: string }
  | { kind: "no_card" };

export interface RefusedCharge {
  paymentId: string;
  /** What the charge asked for (minor units of the booking's currency). */
  amount: number;
  paymentIntentId: string;
  /** Stripe's PaymentIntent status: requires_action or requires_payment_method. */
  status: string;
  code: string;
  message: string;
}

/** The refused off-session charge moves the booking to "balance due" (the shared transitions), with the notices. */
export async function chargeRefused(ctx: AfterJobContext, refused: RefusedCharge, reason: BalanceDueReason) {
  const { booking } = ctx;
  await ctx.deps.db.transaction().execute(async (trx) => {
    await recordOffSessionFailure(trx, booking.tenant_id, refused.paymentId, {
      paymentIntentId: refused.paymentIntentId,
      status: refused.status,
      code: refused.code,
      message: refused.message,
    });
    await applyPaymentIntentSnapshot(trx, {
      tenantId: booking.tenant_id,
      paymentIntentId: refused.paymentIntentId,
      status: refused.status,
      failureCode: refused.code,
      failureMessage: refused.message,
      eventAt: ctx.deps.now(),
    });
    await notify(ctx, trx, { reason, amount: refused.amount, moveBooking: false });
  });
}

/**
 * The customer pays on the portal: no card was saved, Stripe refused the charge outright, or refused it later by
 * event (payment_intent.payment_failed). The booking is balance due; the notices go out once.
 */
export async function balanceDueWithoutIntent(
  ctx: AfterJobContext,
  amount: number,
  reason: BalanceDueReason,
): Promise<void> {
  await ctx.deps.db.transaction().execute((trx) => notify(ctx, trx, { reason, amount, moveBooking: true }));
}

async function notify(
  ctx: AfterJobContext,
  trx: AfterJobContext["deps"]["db"],
  notice: { reason: BalanceDueReason; amount: number; moveBooking: boolean },
) {
  const { booking } = ctx;
  const { reason, moveBooking } = notice;
  const who = await balanceDueRecipients(trx, booking.tenant_id, booking.id);
  const words = balanceDueWords({
    reason,
    amount: formatMoney(notice.amount, booking.currency, "en-US"),
    customer: who.name,
  });
  await recordBalanceDue(trx, {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    alert: words.alert,
    email: {
      to: who.email,
      userId: who.id,
      props: {
        customerName: who.name,
        amount: notice.amount,
        currency: booking.currency,
        why: words.why,
        link: `${ctx.deps.webOrigin}/book/${who.slug}/bookings/${booking.id}/pay`,
      },
    },
    moveBooking,
  });
}

/** The admin's alert, and the sentence of the customer's email (payment_needs_attention) that says why. */
export function balanceDueWords(input: { reason: BalanceDueReason; amount: string; customer: string }) {
  const { reason, amount, customer } = input;
  const what =
    reason.kind === "authentication_required"
      ? `${customer}'s bank wants them to confirm the charge of ${amount} for the finished job (3-D Secure), so it could not be taken without them.`
      : reason.kind === "declined"
        ? `The card ${customer} saved was declined when fieldpay charged ${amount} for the finished job: ${reason.message}`
        : `${customer} saved no card for the ${amount} still due for the finished job, so there was nothing to charge.`;
  const why =
    reason.kind === "authentication_required"
      ? "Your bank asked you to confirm this payment, so we could not take it without you."
      : reason.kind === "declined"
        ? "Your card was declined when we tried to charge it."
        : "There was no card saved to charge.";
  return {
    alert: {
      title: `A customer has ${amount} to pay for a finished job`,
      explanation: what,
      fix: `Nothing to do yet: fieldpay emailed ${customer} a link to pay on the booking page${reason.kind === "authentication_required" ? ", where their bank's check completes the same payment" : ""}. If it stays unpaid for a few days, contact them.`,
    },
    why,
  };
}
