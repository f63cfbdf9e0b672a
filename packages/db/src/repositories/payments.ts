// Payment attempts for bookings. One row per (booking, attempt): the attempt number keys the idempotent
// PaymentIntent create, so a double click or a retry lands on the same row and the same PaymentIntent.
// Status changes that come from Stripe go through payment-events.ts (applyPaymentIntentSnapshot).
import { type Selectable, sql } from "kysely";
import type { Db } from "../client.ts";
import type { ChargePurpose, ChargeType, PaymentsTable } from "../schema.ts";

export type PaymentRow = Selectable<PaymentsTable>;

/** Our status for an attempt whose PaymentIntent Stripe has not confirmed creating yet. */
export const CREATING = "creating";

export interface AttemptInput {
  tenantId: string;
  bookingId: string;
  attempt: number;
  amount: number;
  currency: string;
  chargeType: ChargeType;
  fieldworkerAccountId: string | null;
  /** Which of the booking's charges (default "full": the whole price at booking). */
  purpose?: ChargePurpose;
  captureMethod?: "automatic" | "manual";
  offSession?: boolean;
}

/** The charges made when booking; the others (balance, extra) are made after the job. */
export const AT_BOOKING: readonly ChargePurpose[] = ["full", "deposit", "authorization"];
export const AFTER_JOB: readonly ChargePurpose[] = ["balance", "extra"];

/**
 * Opens the attempt, or returns it as it is when it already exists (double click, retry, race): one statement, on
 * the customer's way to the card form, that commits without waiting for the disk. That is safe because the attempt
 * only matters together with Stripe's answer: recording it (recordCreatedIntent, an ordinary commit) flushes this
 * row too, as PostgreSQL writes its log in order, and no client secret leaves before that. Lost in a crash before
 * then, the attempt is simply opened again, under the same key. Inside a transaction the whole transaction would
 * commit without waiting, so it refuses to run in one.
 */
export async function openPaymentAttempt(db: Db, input: AttemptInput): Promise<PaymentRow> {
  if (db.isTransaction)
    throw new Error("openPaymentAttempt commits on its own; call it outside a transaction");
  const inserted = (
    await sql<PaymentRow>`
      insert into payments
        (tenant_id, booking_id, attempt, status, amount, currency, charge_type, fieldworker_account_id, purpose,
          capture_method, off_session)
      select ${input.tenantId}::uuid, ${input.bookingId}::uuid, ${input.attempt}::integer, ${CREATING},
        ${input.amount}::bigint, ${input.currency}, ${input.chargeType}, ${input.fieldworkerAccountId}::text,
        ${input.purpose ?? "full"}, ${input.captureMethod ?? "automatic"}, ${input.offSession ?? false}
      from (select set_config('synchronous_commit', 'off', true)) as without_waiting_for_the_disk
      on conflict (booking_id, attempt) do nothing
      returning *`.execute(db)
  ).rows[0];
  if (inserted) return inserted;
  const row = await db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", input.tenantId)
    .where("booking_id", "=", input.bookingId)
    .where("attempt", "=", input.attempt)
    .executeTakeFirst();
  if (!row) throw new Error("the payment attempt vanished right after it was written");
  return row;
}

/** The booking's newest attempt, if any (of these purposes only, when given). */
export async function latestPayment(
  db: Db,
  tenantId: string,
  bookingId: string,
  purposes?: readonly ChargePurpose[],
): Promise<PaymentRow | undefined> {
  let query = db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId);
  if (purposes !== undefined) query = query.where("purpose", "in", purposes);
  return query.orderBy("attempt", "desc").limit(1).executeTakeFirst();
}

/** Every attempt of these bookings, oldest first. */
export async function listPayments(db: Db, tenantId: string, bookingIds: string[]): Promise<PaymentRow[]> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "in", bookingIds)
    .orderBy("booking_id")
    .orderBy("attempt")
    .execute();
}

export interface CreatedIntent {
  paymentIntentId: string;
  status: string;
  onAccount: string | null;
  applicationFeeAmount: number | null;
  fieldworkerNetAmount: number | null;
  /** The customer the PaymentIntent carries (on the connected account for Standard direct charges). */
  customerId?: string | null;
}

/**
 * Stores what Stripe answered to the create. The first PaymentIntent id stored for an attempt is kept (a replay
 * returns the same one), and a status a webhook already applied is not overwritten by the older create answer.
 */
export async function recordCreatedIntent(
  db: Db,
  tenantId: string,
  paymentId: string,
  created: CreatedIntent,
): Promise<PaymentRow> {
  return db
    .updateTable("payments")
    .set((eb) => ({
      payment_intent_id: eb.fn.coalesce("payment_intent_id", eb.val(created.paymentIntentId)),
      status: eb.case().when("stripe_event_at", "is", null).then(created.status).else(eb.ref("status")).end(),
      on_account: created.onAccount,
      application_fee_amount: created.applicationFeeAmount,
      fieldworker_net_amount: created.fieldworkerNetAmount,
      customer_id: created.customerId ?? null,
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Stripe refused to create the PaymentIntent at all (a card error on a saved card, a bad amount). */
export async function recordCreateFailure(
  db: Db,
  tenantId: string,
  paymentId: string,
  failure: { code: string; message: string },
): Promise<void> {
  await db
    .updateTable("payments")
    .set({
      status: "requires_payment_method",
      failure_code: failure.code,
      failure_message: failure.message,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .where("payment_intent_id", "is", null)
    .execute();
}

/**
 * A newer attempt replaces this one, whose PaymentIntent Stripe has cancelled (or which never got one): from now
 * on a success on it is a duplicate. A status a newer webhook applied is kept.
 */
export async function markAttemptSuperseded(
  db: Db,
  tenantId: string,
  paymentId: string,
  status: string,
): Promise<void> {
  await db
    .updateTable("payments")
    .set((eb) => ({
      superseded_at: eb.fn.coalesce("superseded_at", sql<Date>`now()`),
      status: eb
        .case()
        .when("status", "in", ["succeeded", "processing"])
        .then(eb.ref("status"))
        .else(status)
        .end(),
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .execute();
}

/** The next attempt number of a booking (attempt numbers are per booking across all its charges). */
export async function nextAttemptNumber(db: Db, tenantId: string, bookingId: string): Promise<number> {
  const row = await db
    .selectFrom("payments")
    .select((eb) => eb.fn.coalesce(eb.fn.max("attempt"), eb.lit(0)).as("last"))
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId)
    .executeTakeFirstOrThrow();
  return Number(row.last) + 1;
}

/**
 * Before a manual-capture charge is captured for `amount`, what it will take and how it splits: written first,
 * so whichever of the capture's answer and Stripe's event lands first, the charge's line is already right.
 */
export async function prepareCapture(
  db: Db,
  input: {
    tenantId: string;
    paymentId: string;
    amount: number;
    applicationFeeAmount: number | null;
    fieldworkerNetAmount: number | null;
  },
): Promise<void> {
  await db
    .updateTable("payments")
    .set({
      amount_received: input.amount,
      application_fee_amount: input.applicationFeeAmount,
      fieldworker_net_amount: input.fieldworkerNetAmount,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.paymentId)
    .where("status", "=", "requires_capture")
    .execute();
}

/** An off-session charge Stripe refused (the bank wants the customer, or declined): its PaymentIntent and why. */
export async function recordOffSessionFailure(
  db: Db,
  tenantId: string,
  paymentId: string,
  failure: { paymentIntentId: string | null; status: string; code: string; message: string },
): Promise<void> {
  await db
    .updateTable("payments")
    .set((eb) => ({
      payment_intent_id: eb.fn.coalesce("payment_intent_id", eb.val(failure.paymentIntentId)),
      status: failure.status,
      failure_code: failure.code,
      failure_message: failure.message,
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .where("stripe_event_at", "is", null)
    .execute();
}

/**
 * An authorize-plan booking's hold while Stripe still holds it (not captured, not lapsed, not replaced), with its
 * PaymentIntent; else null. What marking the job done previews and what the worker captures.
 */
export async function findUsableHold(
  db: Db,
  booking: { tenant_id: string; id: string; payment_plan: string; authorization_lapsed_at: Date | null },
): Promise<(PaymentRow & { payment_intent_id: string }) | null> {
  if (booking.payment_plan !== "authorize" || booking.authorization_lapsed_at !== null) return null;
  const hold = await latestPayment(db, booking.tenant_id, booking.id, ["authorization"]);
  if (hold?.status !== "requires_capture" || hold.superseded_at !== null) return null;
  const { payment_intent_id } = hold;
  return payment_intent_id === null ? null : { ...hold, payment_intent_id };
}

/** What a payment row's charge took (a hold captured for less than it held took less). */
export const chargedAmount = (payment: Pick<PaymentRow, "amount" | "amount_received">) =>
  payment.amount_received ?? payment.amount;

/** The charge as packages/payments' ledger functions (refundSplit, refundShares) take it. */
export const chargeOf = (
  payment: Pick<PaymentRow, "charge_type" | "amount" | "amount_received" | "application_fee_amount">,
) => ({
  chargeType: payment.charge_type,
  amount: chargedAmount(payment),
  applicationFee: payment.application_fee_amount,
});
