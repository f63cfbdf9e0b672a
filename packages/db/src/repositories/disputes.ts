// Disputes on our payments, kept as Stripe reports them (charge.dispute.* events, any order, any number of times):
// status, reason and deadline follow the newest event; funds withdrawn and reinstated only grow. The booking shows
// "disputed" while a dispute is open or lost, and goes back to where it was once every dispute of it is won.
import { type Selectable, sql } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus } from "../schema.ts";
import type { DisputesTable } from "../schema-disputes.ts";

export type DisputeRow = Selectable<DisputesTable>;

/** Stripe's statuses that still want something from the business (evidence), or from the bank (a decision). */
export const OPEN_DISPUTE = [
  "warning_needs_response",
  "needs_response",
  "warning_under_review",
  "under_review",
];
export const NEEDS_RESPONSE = ["warning_needs_response", "needs_response"];
/** Closed in the business's favour: the money stays (or comes back). */
export const WON_DISPUTE = ["won", "warning_closed", "prevented"];

export interface DisputeSnapshot {
  id: string;
  chargeId: string;
  paymentIntentId: string;
  reason: string;
  amount: number;
  currency: string;
  status: string;
  dueBy: Date | null;
  fee: number;
  withdrawn: number;
  withdrawnAt: Date | null;
  reinstated: number;
  reinstatedAt: Date | null;
  createdAt: Date;
}

export interface AppliedDispute {
  dispute: DisputeRow;
  /** The first event of this dispute we applied (a new row). */
  opened: boolean;
  chargeType: string;
}

/** Null when the dispute is not about one of our payments. */
export async function applyDisputeSnapshot(
  db: Db,
  input: { tenantId: string; dispute: DisputeSnapshot; eventAt: Date; onAccount: string | null },
): Promise<AppliedDispute | null> {
  const { tenantId, dispute: d, eventAt } = input;
  const payment = await db
    .selectFrom("payments")
    .innerJoin("bookings", "bookings.id", "payments.booking_id")
    .innerJoin("payment_settings", "payment_settings.tenant_id", "payments.tenant_id")
    .select([
      "payments.id",
      "payments.booking_id",
      "payments.charge_type",
      "bookings.status",
      "dispute_liability",
    ])
    .where("payments.tenant_id", "=", tenantId)
    .where("payments.payment_intent_id", "=", d.paymentIntentId)
    .executeTakeFirst();
  if (!payment) return null;
  const newer = sql<boolean>`excluded.stripe_event_at >= disputes.stripe_event_at`;
  const pick = <T>(column: string) =>
    sql<T>`case when ${newer} then ${sql.ref(`excluded.${column}`)} else ${sql.ref(`disputes.${column}`)} end`;
  const row = await db
    .insertInto("disputes")
    .values({
      id: d.id,
      tenant_id: tenantId,
      booking_id: payment.booking_id,
      payment_id: payment.id,
      charge_id: d.chargeId,
      reason: d.reason,
      amount: d.amount,
      currency: d.currency,
      status: d.status,
      evidence_due_by: d.dueBy,
      stripe_fee: d.fee,
      funds_withdrawn: d.withdrawn,
      funds_withdrawn_at: d.withdrawnAt,
      funds_reinstated: d.reinstated,
      funds_reinstated_at: d.reinstatedAt,
      on_account: input.onAccount,
      booking_status_before: payment.status === "disputed" ? "paid" : payment.status,
      liability: payment.dispute_liability,
      stripe_created_at: d.createdAt,
      stripe_event_at: eventAt,
    })
    .onConflict((oc) =>
      oc.columns(["tenant_id", "id"]).doUpdateSet({
        status: pick<string>("status"),
        reason: pick<string>("reason"),
        amount: pick<number>("amount"),
        evidence_due_by: pick<Date | null>("evidence_due_by"),
        stripe_fee: sql`greatest(disputes.stripe_fee, excluded.stripe_fee)`,
        funds_withdrawn: sql`greatest(disputes.funds_withdrawn, excluded.funds_withdrawn)`,
        funds_withdrawn_at: sql`coalesce(disputes.funds_withdrawn_at, excluded.funds_withdrawn_at)`,
        funds_reinstated: sql`greatest(disputes.funds_reinstated, excluded.funds_reinstated)`,
        funds_reinstated_at: sql`coalesce(disputes.funds_reinstated_at, excluded.funds_reinstated_at)`,
        stripe_event_at: sql`greatest(disputes.stripe_event_at, excluded.stripe_event_at)`,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .returning(sql<boolean>`xmax = 0`.as("inserted"))
    .executeTakeFirstOrThrow();
  const { inserted, ...dispute } = row;
  await followBooking(db, dispute);
  return { dispute, opened: inserted, chargeType: payment.charge_type };
}

/** The booking follows its disputes: disputed while one is open or lost; back once all are won. */
async function followBooking(db: Db, dispute: DisputeRow): Promise<void> {
  const others = await db
    .selectFrom("disputes")
    .select("status")
    .where("tenant_id", "=", dispute.tenant_id)
    .where("booking_id", "=", dispute.booking_id)
    .execute();
  const allWon = others.every((d) => WON_DISPUTE.includes(d.status));
  const booking = db
    .updateTable("bookings")
    .where("tenant_id", "=", dispute.tenant_id)
    .where("id", "=", dispute.booking_id);
  if (!allWon) {
    await booking
      .set({ status: "disputed", updated_at: new Date() })
      .where("status", "<>", "disputed")
      .execute();
    return;
  }
  await booking
    .set({ status: dispute.booking_status_before as BookingStatus, updated_at: new Date() })
    .where("status", "=", "disputed")
    .execute();
}

export async function findDispute(db: Db, tenantId: string, id: string): Promise<DisputeRow | undefined> {
  return db
    .selectFrom("disputes")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Disputes of the business (or of one booking), newest first, with the booking's service and customer. */
export async function listDisputes(
  db: Db,
  tenantId: string,
  filter: { bookingId?: string; disputeId?: string } = {},
) {
  let query = db
    .selectFrom("disputes")
    .innerJoin("bookings", "bookings.id", "disputes.booking_id")
    .innerJoin("services", "services.id", "bookings.service_id")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .innerJoin("payments", "payments.id", "disputes.payment_id")
    .selectAll("disputes")
    .select([
      "services.name as service_name",
      "users.name as customer_name",
      "users.email as customer_email",
      "bookings.starts_at",
      "payments.charge_type",
      "payments.payment_intent_id",
    ])
    .where("disputes.tenant_id", "=", tenantId);
  if (filter.bookingId) query = query.where("disputes.booking_id", "=", filter.bookingId);
  if (filter.disputeId) query = query.where("disputes.id", "=", filter.disputeId);
  return query.orderBy("disputes.stripe_created_at", "desc").orderBy("disputes.id").execute();
}

export type DisputeListRow = Awaited<ReturnType<typeof listDisputes>>[number];

/** Evidence sent to Stripe: submitted for the bank's decision, or saved as a draft there. */
export async function recordEvidence(
  db: Db,
  input: { tenantId: string; disputeId: string; submitted: boolean; at: Date },
): Promise<void> {
  await db
    .updateTable("disputes")
    .set(input.submitted ? { evidence_submitted_at: input.at } : { evidence_saved_at: input.at })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.disputeId)
    .execute();
}

/** The fieldworker's share was taken back from their transfer (once: a repeat keeps the first). */
export async function recordShareReversed(
  db: Db,
  input: { tenantId: string; disputeId: string; amount: number; reversalId: string; at: Date },
): Promise<void> {
  await db
    .updateTable("disputes")
    .set({ share_reversed: input.amount, share_reversal_id: input.reversalId, share_reversed_at: input.at })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.disputeId)
    .where("share_reversal_id", "is", null)
    .execute();
}

/** The share taken back was sent to the fieldworker again after the dispute was won (once). */
export async function recordShareResent(
  db: Db,
  input: { tenantId: string; disputeId: string; transferId: string; at: Date },
): Promise<void> {
  await db
    .updateTable("disputes")
    .set({ share_resent_transfer_id: input.transferId, share_resent_at: input.at })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.disputeId)
    .where("share_reversal_id", "is not", null)
    .where("share_resent_transfer_id", "is", null)
    .execute();
}
