// How Stripe's view of a payment moves our payment and booking. Shared by the worker's webhook handlers and the
// api's "check payment status" path, so both apply the same transitions with the same ordering guard.
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, ChargePurpose } from "../schema.ts";
import { settleAfterJobPaid } from "./after-job-charges.ts";
import { saveBookingCard } from "./bookings.ts";
import { isDuplicateSuccess, recordDuplicatePayment } from "./duplicate-payments.ts";
import { AFTER_JOB } from "./payments.ts";

export interface PaymentIntentSnapshot {
  tenantId: string;
  paymentIntentId: string;
  /** Stripe's PaymentIntent status. */
  status: string;
  failureCode?: string | null;
  failureMessage?: string | null;
  /** The event's `created` (or now, for a fresh retrieve). */
  eventAt: Date;
  /** The card it was paid or held with: kept on the booking when saved for the after-job charge. */
  paymentMethodId?: string | null;
  /** When Stripe releases a held (manual-capture) amount, when known. */
  captureBefore?: Date | null;
  /** The card as Stripe reports it on the charge, when the snapshot carries it (a retrieve with latest_charge). */
  card?: PaymentCard | null;
}

/** The card a payment was made with, for the receipt: Stripe's brand ("visa") and last 4 digits. */
export interface PaymentCard {
  brand: string;
  last4: string;
}

/**
 * Records the card a payment's charge used (charge.succeeded, or a retrieve). A card never changes for a charge,
 * so no ordering guard: whichever report arrives first fills it in, the others write the same.
 */
export async function recordPaymentCard(
  db: Db,
  input: { tenantId: string; paymentIntentId: string; card: PaymentCard },
): Promise<boolean> {
  if (!/^[0-9]{4}$/.test(input.card.last4)) return false;
  const updated = await db
    .updateTable("payments")
    .set({ card_brand: input.card.brand, card_last4: input.card.last4 })
    .where("tenant_id", "=", input.tenantId)
    .where("payment_intent_id", "=", input.paymentIntentId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Card authorizations of online payments last about 7 days (Stripe); used until Stripe says `capture_before`. */
const AUTHORIZATION_DAYS = 7;

/** The booking status a charge's PaymentIntent status means; null leaves the booking as it is. */
export function bookingStatusFor(
  paymentIntentStatus: string,
  purpose: ChargePurpose = "full",
): BookingStatus | null {
  const afterJob = AFTER_JOB.includes(purpose);
  switch (paymentIntentStatus) {
    case "succeeded":
      return purpose === "deposit" ? "deposit_paid" : "paid";
    case "requires_capture":
      return purpose === "authorization" ? "authorized" : null;
    case "requires_action":
      return afterJob ? "balance_due" : "requires_action";
    case "requires_payment_method":
      return afterJob ? "balance_due" : "payment_failed";
    case "canceled":
      // A lapsed hold falls back to the saved card (below); a cancelled after-job charge leaves the booking.
      return afterJob || purpose === "authorization" ? null : "canceled";
    default:
      return null;
  }
}

// A paid, refunded or disputed booking is never moved back to an earlier state by a payment event.
const SETTLED: BookingStatus[] = ["paid", "partially_refunded", "refunded", "disputed"];
// Once part paid or a card is kept, the booking's first charge is settled: its attempts move it no more.
const COMMITTED: BookingStatus[] = ["deposit_paid", "card_saved", "authorized", "balance_due"];
const NEVER_BACK: BookingStatus[] = ["refunded", "partially_refunded", "disputed"];

type Applied = {
  id: string;
  tenant_id: string;
  booking_id: string;
  superseded_at: Date | null;
  purpose: ChargePurpose;
  customer_id: string | null;
  on_account: string | null;
};

/**
 * Applies a PaymentIntent status, unless a newer event was already applied. A `payment_failed` on a fresh
 * PaymentIntent (requires_payment_method with a failure) keeps the booking, so the customer can try again. A
 * replaced (superseded) attempt moves the booking no more; a success on it, or beside another success of the same
 * charge, is a duplicate (duplicate-payments.ts). Returns whether anything changed.
 */
export async function applyPaymentIntentSnapshot(db: Db, snap: PaymentIntentSnapshot): Promise<boolean> {
  // Inside a caller's transaction (the worker applies each webhook event in one) the work joins it.
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (trx) => {
    const payment: Applied | undefined = await trx
      .updateTable("payments")
      .set({
        status: snap.status,
        failure_code: snap.failureCode ?? null,
        failure_message: snap.failureMessage ?? null,
        stripe_event_at: snap.eventAt,
        ...(snap.paymentMethodId && { payment_method_id: snap.paymentMethodId }),
        ...(snap.captureBefore && { capture_before: snap.captureBefore }),
        updated_at: new Date(),
      })
      .where("tenant_id", "=", snap.tenantId)
      .where("payment_intent_id", "=", snap.paymentIntentId)
      .where((eb) => eb.or([eb("stripe_event_at", "is", null), eb("stripe_event_at", "<=", snap.eventAt)]))
      .returning(["id", "tenant_id", "booking_id", "superseded_at", "purpose", "customer_id", "on_account"])
      .executeTakeFirst();
    if (snap.card) await recordPaymentCard(trx, { ...snap, card: snap.card });
    if (!payment) return false;
    if (snap.status === "succeeded" && (await isDuplicateSuccess(trx, payment))) {
      await recordDuplicatePayment(trx, snap.tenantId, payment.id);
      return true;
    }
    // A replaced attempt no longer speaks for the booking (its cancellation, above all, cancels nothing).
    if (payment.superseded_at !== null) return true;
    await keepCard(trx, payment, snap);
    if (payment.purpose === "authorization") await trackHold(trx, payment, snap);
    // A done job is paid once its charges reach the final amount, whichever of them succeeded last (against
    // stateless stripe-mock every PaymentIntent has the fixture's id, so one event can match several rows).
    if (snap.status === "succeeded" && (await settleAfterJobPaid(trx, snap.tenantId, payment.booking_id))) {
      return true;
    }
    const next = bookingStatusFor(snap.status, payment.purpose);
    if (next === null) return true;
    if (next === "paid" && !(await paidBeforeTheJob(trx, payment))) return true;
    await trx
      .updateTable("bookings")
      .set({ status: next, updated_at: new Date() })
      .where("tenant_id", "=", snap.tenantId)
      .where("id", "=", payment.booking_id)
      .where("status", "not in", guardFor(next, payment.purpose))
      .execute();
    return true;
  });
}

/** Which booking statuses this move may not leave. */
function guardFor(next: BookingStatus, purpose: ChargePurpose): BookingStatus[] {
  if (next === "paid") return NEVER_BACK;
  if (AFTER_JOB.includes(purpose)) return [...SETTLED, "canceled"];
  if (next === "deposit_paid" || next === "authorized") return [...NEVER_BACK, "paid", ...COMMITTED];
  return [...SETTLED, ...COMMITTED];
}

/**
 * A success pays the booking by itself when it was the whole price at booking, or (not a deposit) came before the
 * job was done, such as a hold captured early; once the job is done, settleAfterJobPaid above decides.
 */
async function paidBeforeTheJob(trx: Db, payment: Applied): Promise<boolean> {
  if (payment.purpose === "full") return true;
  const booking = await trx
    .selectFrom("bookings")
    .select("done_at")
    .where("tenant_id", "=", payment.tenant_id)
    .where("id", "=", payment.booking_id)
    .executeTakeFirst();
  return booking !== undefined && booking.done_at === null;
}

/** A deposit or hold made with setup_future_usage keeps its card on the booking for the after-job charge. */
async function keepCard(trx: Db, payment: Applied, snap: PaymentIntentSnapshot) {
  if (!snap.paymentMethodId) return;
  if (payment.purpose !== "deposit" && payment.purpose !== "authorization") return;
  if (snap.status !== "succeeded" && snap.status !== "requires_capture") return;
  await saveBookingCard(trx, {
    tenantId: payment.tenant_id,
    bookingId: payment.booking_id,
    customerId: payment.customer_id,
    paymentMethodId: snap.paymentMethodId,
    onAccount: payment.on_account,
  });
}

/**
 * A hold's life: when made, when Stripe will release it; when it lapses uncaptured (cancelled by Stripe, or its
 * charge expired) the booking falls back to the card kept with it, charged after the job.
 */
async function trackHold(trx: Db, payment: Applied, snap: PaymentIntentSnapshot) {
  const booking = trx
    .updateTable("bookings")
    .where("tenant_id", "=", payment.tenant_id)
    .where("id", "=", payment.booking_id);
  if (snap.status === "requires_capture") {
    const expires =
      snap.captureBefore ?? new Date(snap.eventAt.getTime() + AUTHORIZATION_DAYS * 24 * 60 * 60 * 1000);
    await booking.set({ authorization_expires_at: expires, updated_at: new Date() }).execute();
  } else if (snap.status === "canceled") {
    await booking
      .set({ status: "card_saved", authorization_lapsed_at: sql<Date>`now()`, updated_at: new Date() })
      .where("status", "=", "authorized")
      .execute();
  }
}
