// Capturing an authorize-plan booking's hold for (up to) the final amount, with the commission recomputed on what
// is taken. The capture's split is written first (prepareCapture), so whichever of Stripe's answer and its event
// lands first, the charge's ledger line is already right.
import { recordAfterJobProblem } from "@fieldpay/db/repositories/after-job-charges";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { type PaymentRow, prepareCapture } from "@fieldpay/db/repositories/payments";
import type { Money } from "@fieldpay/payments/money";
import { feeForCharge } from "@fieldpay/payments/plans";
import { queueReceipt } from "../../mail/booking-emails.ts";
import type { AfterJobContext } from "./context.ts";

/** captured: the money is taken; lapsed: the hold is gone, charge the card instead; sent: Stripe's events decide. */
export type CaptureOutcome = "captured" | "lapsed" | "sent" | "refused";

export async function captureHold(
  ctx: AfterJobContext,
  hold: PaymentRow & { payment_intent_id: string },
  amount: Money,
  before: { charged: number; fees: number },
): Promise<{ outcome: CaptureOutcome; applicationFee: number }> {
  const { booking, connect } = ctx;
  const { db } = ctx.deps;
  const currency = amount.currency;
  const fee =
    connect === null
      ? null
      : feeForCharge({
          rule: connect.fee,
          before: { charged: { amount: before.charged, currency }, fees: { amount: before.fees, currency } },
          charge: amount,
        });
  await prepareCapture(db, {
    tenantId: booking.tenant_id,
    paymentId: hold.id,
    amount: amount.amount,
    applicationFeeAmount: fee?.applicationFee.amount ?? null,
    fieldworkerNetAmount: fee?.fieldworkerNet.amount ?? null,
  });
  const result = await ctx.stripe((strategy) =>
    strategy.capturePayment({
      tenantId: booking.tenant_id,
      paymentIntentId: hold.payment_intent_id,
      onAccount: hold.on_account,
      amount,
      applicationFee: fee?.applicationFee ?? null,
    }),
  );
  const applicationFee = fee?.applicationFee.amount ?? 0;
  if (!result.ok) {
    if (result.error.retryable) throw new Error(`capture of booking ${booking.id}: ${result.error.message}`);
    await recordAfterJobProblem(db, {
      tenantId: booking.tenant_id,
      bookingId: booking.id,
      title: "A finished job's card hold could not be captured",
      explanation: `Stripe refused to capture the amount held on the customer's card: ${result.error.message}`,
      fix: result.error.fix,
    });
    return { outcome: "refused", applicationFee };
  }
  if (result.status !== "succeeded" && result.status !== "canceled")
    return { outcome: "sent", applicationFee };
  // A lapsed hold (canceled) falls back to the card kept with it: the shared transition makes the booking
  // card_saved and notes when the hold lapsed.
  await db.transaction().execute(async (trx) => {
    await applyPaymentIntentSnapshot(trx, {
      tenantId: booking.tenant_id,
      paymentIntentId: hold.payment_intent_id,
      status: result.status,
      eventAt: ctx.deps.now(),
    });
    // A captured hold is a charge: the customer's receipt, in the same transaction.
    if (result.status === "succeeded") {
      const receipt = { paymentIntentId: hold.payment_intent_id, webOrigin: ctx.deps.webOrigin };
      await queueReceipt(trx, { tenantId: booking.tenant_id, ...receipt });
    }
  });
  return { outcome: result.status === "succeeded" ? "captured" : "lapsed", applicationFee };
}
