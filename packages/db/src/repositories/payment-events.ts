// How Stripe's view of a payment moves our payment and booking. Shared by the worker's webhook handlers and the
// api's "check payment status" path, so both apply the same transitions with the same ordering guard.
import type { Db } from "../client.ts";
import type { BookingStatus } from "../schema.ts";
import { isDuplicateSuccess, recordDuplicatePayment } from "./duplicate-payments.ts";

export interface PaymentIntentSnapshot {
  tenantId: string;
  paymentIntentId: string;
  /** Stripe's PaymentIntent status. */
  status: string;
  failureCode?: string | null;
  failureMessage?: string | null;
  /** The event's `created` (or now, for a fresh retrieve). */
  eventAt: Date;
}

/** The booking status a PaymentIntent status means; null leaves the booking as it is. */
export function bookingStatusFor(paymentIntentStatus: string): BookingStatus | null {
  switch (paymentIntentStatus) {
    case "succeeded":
      return "paid";
    case "requires_action":
      return "requires_action";
    case "requires_payment_method":
      return "payment_failed";
    case "canceled":
      return "canceled";
    default:
      return null;
  }
}

// A paid, refunded or disputed booking is never moved back to an earlier state by a payment event.
const SETTLED: BookingStatus[] = ["paid", "partially_refunded", "refunded", "disputed"];

/**
 * Applies a PaymentIntent status, unless a newer event was already applied. A `payment_failed` on a fresh
 * PaymentIntent (requires_payment_method with a failure) keeps the booking, so the customer can try again. A
 * replaced (superseded) attempt moves the booking no more; a success on it, or beside another success, is a
 * duplicate (duplicate-payments.ts). Returns whether anything changed.
 */
export async function applyPaymentIntentSnapshot(db: Db, snap: PaymentIntentSnapshot): Promise<boolean> {
  // Inside a caller's transaction (the worker applies each webhook event in one) the work joins it.
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (trx) => {
    const payment = await trx
      .updateTable("payments")
      .set({
        status: snap.status,
        failure_code: snap.failureCode ?? null,
        failure_message: snap.failureMessage ?? null,
        stripe_event_at: snap.eventAt,
        updated_at: new Date(),
      })
      .where("tenant_id", "=", snap.tenantId)
      .where("payment_intent_id", "=", snap.paymentIntentId)
      .where((eb) => eb.or([eb("stripe_event_at", "is", null), eb("stripe_event_at", "<=", snap.eventAt)]))
      .returning(["id", "tenant_id", "booking_id", "superseded_at"])
      .executeTakeFirst();
    if (!payment) return false;
    if (snap.status === "succeeded" && (await isDuplicateSuccess(trx, payment))) {
      await recordDuplicatePayment(trx, snap.tenantId, payment.id);
      return true;
    }
    // A replaced attempt no longer speaks for the booking (its cancellation, above all, cancels nothing).
    if (payment.superseded_at !== null) return true;
    const next = bookingStatusFor(snap.status);
    if (next === null) return true;
    const guard: BookingStatus[] = next === "paid" ? ["refunded", "partially_refunded", "disputed"] : SETTLED;
    await trx
      .updateTable("bookings")
      .set({ status: next, updated_at: new Date() })
      .where("tenant_id", "=", snap.tenantId)
      .where("id", "=", payment.booking_id)
      .where("status", "not in", guard)
      .execute();
    return true;
  });
}
