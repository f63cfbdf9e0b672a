// Payment attempts for bookings. One row per (booking, attempt): the attempt number keys the idempotent
// PaymentIntent create, so a double click or a retry lands on the same row and the same PaymentIntent.
// Status changes that come from Stripe go through payment-events.ts (applyPaymentIntentSnapshot).
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { ChargeType, PaymentsTable } from "../schema.ts";

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
}

/**
 * Opens the attempt, or returns it as it is when it already exists (double click, retry, race). A new attempt
 * takes one statement (one round trip, one commit) on the customer's way to the card form.
 */
export async function openPaymentAttempt(db: Db, input: AttemptInput): Promise<PaymentRow> {
  const inserted = await db
    .insertInto("payments")
    .values({
      tenant_id: input.tenantId,
      booking_id: input.bookingId,
      attempt: input.attempt,
      status: CREATING,
      amount: input.amount,
      currency: input.currency,
      charge_type: input.chargeType,
      fieldworker_account_id: input.fieldworkerAccountId,
    })
    .onConflict((oc) => oc.columns(["booking_id", "attempt"]).doNothing())
    .returningAll()
    .executeTakeFirst();
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

/** The booking's newest attempt, if any. */
export async function latestPayment(
  db: Db,
  tenantId: string,
  bookingId: string,
): Promise<PaymentRow | undefined> {
  return db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId)
    .orderBy("attempt", "desc")
    .limit(1)
    .executeTakeFirst();
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
