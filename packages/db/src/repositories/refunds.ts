// Refunds an admin makes from a booking. The refund row's id keys Stripe's idempotent refund create, so a
// resubmitted form (same id) never refunds twice; the payment row is locked while a refund is opened, so two
// refunds together can never exceed what was charged.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, RefundReason, RefundsTable } from "../schema.ts";

export type RefundRow = Selectable<RefundsTable>;

/** Stripe's refund reasons, as the refunds.reason column checks them. */
export const REFUND_REASONS = [
  "requested_by_customer",
  "duplicate",
  "fraudulent",
] as const satisfies readonly RefundReason[];

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
  /**
   * What the business and the fieldworker each give back (packages/payments' refundShares), given what was
   * refunded of the charge before; asked under the payment's lock, so concurrent refunds each see the other.
   */
  split: (refundedBefore: number) => { businessAmount: number; fieldworkerAmount: number };
  /** The admin who asked; null when fieldpay refunds by itself (a duplicate payment). */
  createdBy: string | null;
  /** Why, exactly as sent to Stripe as the refund's `reason`; null when none is sent. */
  reason: RefundReason | null;
}

export type OpenRefundResult =
  | { ok: true; refund: RefundRow; replay: boolean }
  | { ok: false; reason: "exceeds_charge"; refundable: number }
  | { ok: false; reason: "id_taken" };

export async function openRefund(db: Db, input: OpenRefundInput): Promise<OpenRefundResult> {
  return db.transaction().execute(async (trx): Promise<OpenRefundResult> => {
    const payment = await trx
      .selectFrom("payments")
      .select((eb) => ["id", eb.fn.coalesce("amount_received", "amount").as("amount")])
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
        ...splitColumns(input.split(refunded)),
        status: REFUND_CREATING,
        created_by: input.createdBy,
        reason: input.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, refund, replay: false };
  });
}

function splitColumns(split: { businessAmount: number; fieldworkerAmount: number }) {
  return { business_amount: split.businessAmount, fieldworker_amount: split.fieldworkerAmount };
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
      .returning(["booking_id", "amount_refunded", "duplicate_at"])
      .executeTakeFirstOrThrow();
    // A duplicate's refund gives back the second charge; the booking stays paid by its own payment.
    if (payment.amount_refunded === 0 || payment.duplicate_at !== null) return;
    await applyBookingRefundStatus(trx, input.tenantId, payment.booking_id);
  });
}

/** Statuses a refund moves a booking from: paid, or part paid before the job (a refunded deposit). */
const REFUNDABLE_FROM: BookingStatus[] = [
  "paid",
  "partially_refunded",
  "deposit_paid",
  "authorized",
  "balance_due",
];

/**
 * A booking is refunded when every charge it kept (never a duplicate) is refunded in full; a paid booking is
 * partially refunded when some money went back (a deposit partly returned before the job keeps its status, so the
 * job can still be done). A dispute outranks a refund, and a full refund is never turned back into a partial.
 */
export async function applyBookingRefundStatus(trx: Db, tenantId: string, bookingId: string): Promise<void> {
  const totals = await trx
    .selectFrom("payments")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>("amount_refunded"), eb.lit(0)).as("refunded"),
      eb.fn.coalesce(eb.fn.sum<number>(eb.fn.coalesce("amount_received", "amount")), eb.lit(0)).as("charged"),
    ])
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId)
    .where("status", "=", "succeeded")
    .where("duplicate_at", "is", null)
    .executeTakeFirstOrThrow();
  const refunded = Number(totals.refunded);
  if (refunded <= 0) return;
  const full = refunded >= Number(totals.charged);
  const status: BookingStatus = full ? "refunded" : "partially_refunded";
  await trx
    .updateTable("bookings")
    .set({ status, updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", bookingId)
    .where("status", "in", full ? REFUNDABLE_FROM : ["paid"])
    .execute();
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
