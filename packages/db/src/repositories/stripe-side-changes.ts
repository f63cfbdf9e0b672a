// Money moves made outside fieldpay that its records must still show: a refund made in the Stripe Dashboard.
// Applied by the worker's webhook handler, in the event's transaction; idempotent, so duplicated and reordered
// events record it once.
import type { Db } from "../client.ts";
import { applyBookingRefundStatus } from "./refunds.ts";

// What counts against a charge (as in refunds.ts): Stripe counts pending refunds in amount_refunded too.
const COUNTED = ["creating", "pending", "succeeded", "requires_action"];

export interface DashboardRefundInput {
  tenantId: string;
  paymentIntentId: string;
  /** The charge's amount_refunded: every refund so far, ours and the Dashboard's. */
  amountRefunded: number;
  /** A refund id derived from the charge and amountRefunded: the same event twice, the same row. */
  refundId: string;
  stripeRefundId: string | null;
  /** Who gives back what, given what our rows already refunded of the charge. */
  split: (refundedBefore: number, refund: number) => { businessAmount: number; fieldworkerAmount: number };
}

/**
 * Refunds Stripe reports beyond what our refund rows count were made elsewhere (the Stripe Dashboard): they get a
 * refund row of their own (succeeded, made by nobody in fieldpay), so the booking's ledger shows them. The payment
 * row is locked, as openRefund does, so a refund fieldpay opens meanwhile is counted once. Returns the amount
 * recorded (0 when nothing was missing).
 */
export async function recordOutsideRefund(trx: Db, input: DashboardRefundInput): Promise<number> {
  const payment = await trx
    .selectFrom("payments")
    .select((eb) => [
      "id",
      "booking_id",
      "currency",
      eb.fn.coalesce("amount_received", "amount").as("charged"),
    ])
    .where("tenant_id", "=", input.tenantId)
    .where("payment_intent_id", "=", input.paymentIntentId)
    .where("status", "=", "succeeded")
    .forUpdate()
    .executeTakeFirst();
  if (!payment) return 0;
  const counted = await trx
    .selectFrom("refunds")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
    .where("tenant_id", "=", input.tenantId)
    .where("payment_id", "=", payment.id)
    .where("status", "in", COUNTED)
    .executeTakeFirstOrThrow();
  const before = Number(counted.total);
  const missing = Math.min(input.amountRefunded, Number(payment.charged)) - before;
  if (missing <= 0) return 0;
  const split = input.split(before, missing);
  const inserted = await trx
    .insertInto("refunds")
    .values({
      id: input.refundId,
      tenant_id: input.tenantId,
      payment_id: payment.id,
      amount: missing,
      currency: payment.currency,
      stripe_refund_id: input.stripeRefundId,
      refund_application_fee: false,
      reverse_transfer: false,
      business_amount: split.businessAmount,
      fieldworker_amount: split.fieldworkerAmount,
      status: "succeeded",
      created_by: null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return 0;
  await applyBookingRefundStatus(trx, input.tenantId, payment.booking_id);
  return missing;
}
