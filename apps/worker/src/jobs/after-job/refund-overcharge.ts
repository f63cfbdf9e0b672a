// The job finally cost less than the booking took (a deposit above an adjusted price): the difference goes back,
// from the latest charge with something left, with the Connect choices explicit (the commission and the
// fieldworker's share back, proportionally). Each refund's id is derived from the booking and the charge, so a
// retried job repeats the same refund under the same idempotency key.
import { chargedAmount, chargeOf } from "@fieldpay/db/repositories/payments";
import { openRefund, settleRefund } from "@fieldpay/db/repositories/refunds";
import { refundSplit } from "@fieldpay/payments/ledger";
import type { RefundInput } from "@fieldpay/payments/strategy";
import { derivedRefundId } from "../../refunds/refund-parts.ts";
import type { AfterJobContext } from "./context.ts";

const COUNTED = ["creating", "pending", "succeeded", "requires_action"];

export async function refundOvercharge(ctx: AfterJobContext, amount: number): Promise<string> {
  const { booking } = ctx;
  const { db } = ctx.deps;
  const charges = await db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", booking.tenant_id)
    .where("booking_id", "=", booking.id)
    .where("status", "=", "succeeded")
    .where("duplicate_at", "is", null)
    .where("payment_intent_id", "is not", null)
    .orderBy("attempt", "desc")
    .execute();
  let remaining = amount;
  const done: string[] = [];
  for (const payment of charges) {
    if (remaining <= 0) break;
    const id = derivedRefundId("after-job-refund", booking.id, payment.id);
    // What other refunds took from this charge; our own (on a retry) is found again by its id.
    const others = await db
      .selectFrom("refunds")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
      .where("tenant_id", "=", booking.tenant_id)
      .where("payment_id", "=", payment.id)
      .where("id", "!=", id)
      .where("status", "in", COUNTED)
      .executeTakeFirstOrThrow();
    const take = Math.min(remaining, chargedAmount(payment) - Number(others.total));
    if (take <= 0) continue;
    remaining -= take;
    const choices = {
      amount: take,
      refundApplicationFee: payment.charge_type !== "direct",
      reverseTransfer: payment.charge_type === "destination",
    };
    const opened = await openRefund(db, {
      id,
      tenantId: booking.tenant_id,
      paymentId: payment.id,
      currency: payment.currency,
      ...choices,
      split: refundSplit(chargeOf(payment), choices),
      createdBy: null,
      // No reason is sent to Stripe for an overcharge given back (none of Stripe's three fits), so none is kept.
      reason: null,
    });
    if (!opened.ok) continue;
    if (opened.refund.stripe_refund_id !== null && opened.refund.status !== "failed") continue;
    const accountId = payment.on_account ?? payment.fieldworker_account_id;
    const connect: RefundInput["connect"] =
      payment.charge_type === "direct" || accountId === null
        ? undefined
        : {
            accountId,
            accountType: payment.charge_type === "direct_on_connected_account" ? "standard" : "express",
            refundApplicationFee: true,
            reverseTransfer: payment.charge_type === "destination",
          };
    const result = await ctx.stripe((strategy) =>
      strategy.refund({
        tenantId: booking.tenant_id,
        bookingId: booking.id,
        refundId: opened.refund.id,
        paymentIntentId: payment.payment_intent_id ?? "",
        charged: { amount: chargedAmount(payment), currency: payment.currency },
        amount: { amount: opened.refund.amount, currency: payment.currency },
        ...(connect && { connect }),
      }),
    );
    // A refusal is thrown, so the queue retries the job with backoff: the same refund id, the same key.
    if (!result.ok) throw new Error(`after-job refund of booking ${booking.id}: ${result.error.message}`);
    await settleRefund(db, {
      tenantId: booking.tenant_id,
      refundId: opened.refund.id,
      stripeRefundId: result.refund.stripeRefundId,
      status: result.refund.status ?? "pending",
    });
    done.push(`${opened.refund.amount} from attempt ${payment.attempt}`);
  }
  return done.length > 0 ? `refunded ${done.join(", ")}` : "refund: made already";
}
