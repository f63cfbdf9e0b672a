// Refunds an admin makes from a booking. The refund row's id keys Stripe's idempotent refund create, so a
// resubmitted form (same id) never refunds twice; the payment row is locked while a refund is opened, so two
// refunds together can never exceed what was charged.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, RefundsTable } from "../schema.ts";

export type RefundRow = Selectable<RefundsTable>;

/** Our status for a refund Stripe has not answered yet. */
export const REFUND_CREATING = "creating";
// What counts against the charge: Stripe counts pending refunds in amount_refunded too.
const COUNTED = ["creating", "pending", "succeeded", "requires_action"];

export interface OpenRefundInput {
  id: string;
  tenantId: string;
  paymentId: string;
  amount: number;
  currency: string;
  refundApplicationFee: boolean;
  reverseTransfer: boolean;
  /** The admin who asked; null when fieldpay refunds by itself (a duplicate payment). */
  createdBy: string | null;
}

export type OpenRefundResult =
  | { ok: true; refund: RefundRow; replay: boolean }
  | { ok: false; reason: "exceeds_charge"; refundable: number }
  | { ok: false; reason: "id_taken" };

export async function openRefund(db: Db, input: OpenRefundInput): Promise<OpenRefundResult> {
  return db.transaction().execute(async (trx): Promise<OpenRefundResult> => {
    const payment = await trx
      .selectFrom("payments")
      .select(["id", "amount"])
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", input.paymentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom("refunds")
      .selectAll()
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (existing) {
      const same = existing.tenant_id === input.tenantId && existing.payment_id === input.paymentId;
      return same ? { ok: true, refund: existing, replay: true } : { ok: false, reason: "id_taken" };
    }
    const refunded = await countedTotal(trx, input.tenantId, input.paymentId);
    if (refunded + input.amount > payment.amount) {
      return { ok: false, reason: "exceeds_charge", refundable: payment.amount - refunded };
    }
    const refund = await trx
      .insertInto("refunds")
      .values({
        id: input.id,
        tenant_id: input.tenantId,
        payment_id: input.paymentId,
        amount: input.amount,
        currency: input.currency,
        refund_application_fee: input.refundApplicationFee,
        reverse_transfer: input.reverseTransfer,
        status: REFUND_CREATING,
        created_by: input.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, refund, replay: false };
  });
}

async function countedTotal(db: Db, tenantId: string, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom("refunds")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
    .where("tenant_id", "=", tenantId)
    .where("payment_id", "=", paymentId)
    .where("status", "in", COUNTED)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Stores Stripe's answer, then brings the payment's refunded total and the booking's status up to date. */
export async function settleRefund(
  db: Db,
  input: { tenantId: string; refundId: string; stripeRefundId: string | null; status: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const refund = await trx
      .updateTable("refunds")
      .set({
        status: input.status,
        ...(input.stripeRefundId !== null && { stripe_refund_id: input.stripeRefundId }),
      })
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", input.refundId)
      .returning(["payment_id"])
      .executeTakeFirstOrThrow();
    const total = await countedTotal(trx, input.tenantId, refund.payment_id);
    const payment = await trx
      .updateTable("payments")
      // Never lower it: a webhook may already report refunds made in the Stripe dashboard.
      .set((eb) => ({ amount_refunded: eb.fn("greatest", ["amount_refunded", eb.val(total)]) }))
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", refund.payment_id)
      .returning(["booking_id", "amount", "amount_refunded", "duplicate_at"])
      .executeTakeFirstOrThrow();
    // A duplicate's refund gives back the second charge; the booking stays paid by its own payment.
    if (payment.amount_refunded === 0 || payment.duplicate_at !== null) return;
    const status: BookingStatus =
      payment.amount_refunded >= payment.amount ? "refunded" : "partially_refunded";
    await trx
      .updateTable("bookings")
      .set({ status, updated_at: new Date() })
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", payment.booking_id)
      .where("status", "in", ["paid", "partially_refunded"] satisfies BookingStatus[])
      .execute();
  });
}

export async function listRefunds(db: Db, tenantId: string, paymentIds: string[]): Promise<RefundRow[]> {
  if (paymentIds.length === 0) return [];
  return db
    .selectFrom("refunds")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("payment_id", "in", paymentIds)
    .orderBy("created_at")
    .execute();
}
