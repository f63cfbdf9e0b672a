// What the relay reads of fieldpay's own records: the payment a client secret belongs to, and refunds that
// Stripe would have announced (charge.refunded) but the worker has not heard of yet.
import type { Db } from "@fieldpay/db/client";
import type { ChargeType } from "@fieldpay/db/schema";
import { sql } from "kysely";

export interface RelayPayment {
  tenantId: string;
  bookingId: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  chargeType: ChargeType;
  onAccount: string | null;
  fieldworkerAccountId: string | null;
  applicationFeeAmount: number | null;
  fieldworkerNetAmount: number | null;
  amountRefunded: number;
  /** A hold (manual capture) is confirmed into requires_capture, not succeeded. */
  captureMethod: "automatic" | "manual";
}

/** What a relay payment reads of its row, but the amount (a capture announces what was received, not held). */
export const paymentColumns = [
  "payments.tenant_id as tenantId",
  "payments.booking_id as bookingId",
  "payments.currency",
  "payments.charge_type as chargeType",
  "payments.on_account as onAccount",
  "payments.fieldworker_account_id as fieldworkerAccountId",
  "payments.application_fee_amount as applicationFeeAmount",
  "payments.fieldworker_net_amount as fieldworkerNetAmount",
  "payments.amount_refunded as amountRefunded",
  "payments.capture_method as captureMethod",
] as const;
const columns = [...paymentColumns, "payments.amount"] as const;

export async function findPaymentByIntent(db: Db, paymentIntentId: string): Promise<RelayPayment | null> {
  const row = await db
    .selectFrom("payments")
    .select(columns)
    .where("payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
  return row ? { ...row, paymentIntentId } : null;
}

export async function findNewestPaymentOfBooking(db: Db, bookingId: string): Promise<RelayPayment | null> {
  const row = await db
    .selectFrom("payments")
    .select([...columns, "payments.payment_intent_id as paymentIntentId"])
    .where("booking_id", "=", bookingId)
    .where("payment_intent_id", "is not", null)
    .orderBy("attempt", "desc")
    .executeTakeFirst();
  return row?.paymentIntentId ? { ...row, paymentIntentId: row.paymentIntentId } : null;
}

export const refundEventId = (refundId: string) => `evt_dev_refund_${refundId.replaceAll("-", "")}`;

/** Refunds Stripe made (it has their id) in the last day whose charge.refunded the worker has not stored. */
export async function unannouncedRefunds(db: Db) {
  return db
    .selectFrom("refunds")
    .innerJoin("payments", "payments.id", "refunds.payment_id")
    .select([
      ...columns,
      "payments.payment_intent_id as paymentIntentId",
      "refunds.id as refundId",
      "refunds.stripe_refund_id as stripeRefundId",
      "refunds.status as refundStatus",
    ])
    .where("refunds.stripe_refund_id", "is not", null)
    .where("refunds.status", "!=", "failed")
    .where("refunds.created_at", ">", new Date(Date.now() - 24 * 60 * 60 * 1000))
    .where(
      sql<boolean>`not exists (select 1 from webhook_events w where w.tenant_id = refunds.tenant_id and w.id = ${"evt_dev_refund_"} || replace(refunds.id::text, '-', ''))`,
    )
    .orderBy("refunds.created_at")
    .limit(50)
    .execute();
}
