// What the worker writes when it settles a job's money after the job (apps/worker charge_after_job): the one
// attempt per booking and charge it ever makes (found again on a retry, so the same attempt number keys the same
// PaymentIntent create), the booking left for the customer to pay ("balance due") with its alert and email, and
// the booking paid once its charges reach the final amount. Scoped by tenant_id throughout.
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, ChargePurpose, ChargeType } from "../schema.ts";
import { findEmailByKey, queueEmail } from "./emails.ts";
import type { PaymentRow } from "./payments.ts";

export interface AfterJobAttemptInput {
  tenantId: string;
  bookingId: string;
  purpose: Extract<ChargePurpose, "balance" | "extra">;
  amount: number;
  currency: string;
  chargeType: ChargeType;
  fieldworkerAccountId: string | null;
  /** Connect: the fee and the fieldworker's share, kept with the attempt so a retry sends the very same charge. */
  applicationFeeAmount: number | null;
  fieldworkerNetAmount: number | null;
}

/**
 * The booking's attempt for this after-job charge: the one made before (a retried job, a worker killed
 * mid-charge, a second worker), or a new one numbered after every other attempt of the booking. The booking row
 * is locked while deciding, so two workers can never open two attempts for one charge. Committed durably before
 * Stripe is asked, so a retry after any crash finds it.
 */
export async function openAfterJobAttempt(
  db: Db,
  input: AfterJobAttemptInput,
): Promise<{ payment: PaymentRow; opened: boolean }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("bookings")
      .select("id")
      .where("tenant_id", "=", input.tenantId)
      .where("id", "=", input.bookingId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom("payments")
      .selectAll()
      .where("tenant_id", "=", input.tenantId)
      .where("booking_id", "=", input.bookingId)
      .where("purpose", "=", input.purpose)
      .where("superseded_at", "is", null)
      .orderBy("attempt", "desc")
      .limit(1)
      .executeTakeFirst();
    if (existing) return { payment: existing, opened: false };
    const payment = await trx
      .insertInto("payments")
      .values((eb) => ({
        tenant_id: input.tenantId,
        booking_id: input.bookingId,
        attempt: eb
          .selectFrom("payments")
          .select(sql<number>`coalesce(max(attempt), 0) + 1`.as("next"))
          .where("tenant_id", "=", input.tenantId)
          .where("booking_id", "=", input.bookingId),
        status: "creating",
        amount: input.amount,
        currency: input.currency,
        charge_type: input.chargeType,
        fieldworker_account_id: input.fieldworkerAccountId,
        application_fee_amount: input.applicationFeeAmount,
        fieldworker_net_amount: input.fieldworkerNetAmount,
        purpose: input.purpose,
        capture_method: "automatic",
        off_session: true,
      }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { payment, opened: true };
  });
}

/** Where the portal's customer finds, and who is told about, a balance to pay. */
export async function balanceDueRecipients(db: Db, tenantId: string, bookingId: string) {
  return db
    .selectFrom("bookings")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .innerJoin("tenants", "tenants.id", "bookings.tenant_id")
    .select(["users.id", "users.email", "users.name", "tenants.slug", "tenants.name as business"])
    .where("bookings.tenant_id", "=", tenantId)
    .where("bookings.id", "=", bookingId)
    .executeTakeFirstOrThrow();
}

export const balanceDueAlertKey = (bookingId: string) => `balance_due:${bookingId}`;

// Before the job's money is settled; a paid, refunded, disputed or cancelled booking is never put back.
const OPEN_AFTER_JOB: BookingStatus[] = ["deposit_paid", "card_saved", "authorized", "balance_due"];

export interface BalanceDueNotice {
  tenantId: string;
  bookingId: string;
  alert: { title: string; explanation: string; fix: string };
  /** The customer's payment_needs_attention email (packages/ui/src/emails), with the link that completes it. */
  email: { to: string; userId: string | null; props: Record<string, unknown> };
  /** Set the booking to balance_due here (no payment to move it: no card was saved). */
  moveBooking: boolean;
}

/**
 * The customer must pay the rest themselves: the admin's alert and the customer's email, written once (in the
 * caller's transaction) however often the job runs. Returns whether this call wrote them.
 */
export async function recordBalanceDue(trx: Db, notice: BalanceDueNotice): Promise<boolean> {
  if (notice.moveBooking) {
    await trx
      .updateTable("bookings")
      .set({ status: "balance_due", updated_at: new Date() })
      .where("tenant_id", "=", notice.tenantId)
      .where("id", "=", notice.bookingId)
      .where("status", "in", OPEN_AFTER_JOB)
      .execute();
  }
  const alert = await trx
    .insertInto("alerts")
    .values({
      tenant_id: notice.tenantId,
      key: balanceDueAlertKey(notice.bookingId),
      kind: "balance_due",
      severity: "warning",
      account_id: null,
      fieldworker_id: null,
      payout_id: null,
      ...notice.alert,
      since: new Date(),
    })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).where("resolved_at", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!alert) return false;
  await queueEmail(trx, {
    tenantId: notice.tenantId,
    to: notice.email.to,
    userId: notice.email.userId,
    template: "payment_needs_attention",
    props: notice.email.props,
    dedupeKey: balanceDueEmailKey(alert.id),
  });
  return true;
}

const balanceDueEmailKey = (alertId: string) => `balance_due:${alertId}`;

/** Where the customer's newest balance-due email of a booking stands (the link that completes the payment). */
export async function findBalanceDueEmail(db: Db, tenantId: string, bookingId: string) {
  const alert = await db
    .selectFrom("alerts")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("key", "=", balanceDueAlertKey(bookingId))
    .orderBy("since", "desc")
    .limit(1)
    .executeTakeFirst();
  return alert ? findEmailByKey(db, tenantId, balanceDueEmailKey(alert.id)) : undefined;
}

/**
 * The job is done and nothing more is due: the booking is paid, by the same rule as a last charge's success
 * (payment-events.ts): once done, its charges reach the final amount. Returns whether it moved.
 */
export async function settleAfterJobPaid(db: Db, tenantId: string, bookingId: string): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set({ status: "paid", updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", bookingId)
    .where("done_at", "is not", null)
    .where("status", "in", OPEN_AFTER_JOB)
    .where(
      sql<boolean>`coalesce((select sum(l.amount) from ledger_lines l
        where l.tenant_id = bookings.tenant_id and l.booking_id = bookings.id and l.kind = 'charge'), 0)
        >= coalesce(bookings.final_amount, 0)`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Something the worker could not settle by itself (a charge Stripe refuses outright): the admin's alert, once. */
export async function recordAfterJobProblem(
  db: Db,
  problem: { tenantId: string; bookingId: string; title: string; explanation: string; fix: string },
): Promise<void> {
  await db
    .insertInto("alerts")
    .values({
      tenant_id: problem.tenantId,
      key: `after_job_charge:${problem.bookingId}`,
      kind: "after_job_charge_failed",
      severity: "warning",
      account_id: null,
      fieldworker_id: null,
      payout_id: null,
      title: problem.title,
      explanation: problem.explanation,
      fix: problem.fix,
      since: new Date(),
    })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).where("resolved_at", "is", null).doNothing())
    .execute();
}
