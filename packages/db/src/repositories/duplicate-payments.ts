// A booking is charged once. A success Stripe still lets through on a replaced attempt (its PaymentIntent was
// cancelled, but a stale tab confirmed it first), or beside another success of the same booking, is a duplicate:
// marked, shown to the admin as an alert, and refunded in full by the worker (refund_duplicate_payment).
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { ChargePurpose } from "../schema.ts";
import { enqueueJob, jobQueueInstalled } from "./job-queue.ts";
import { AFTER_JOB, AT_BOOKING } from "./payments.ts";

export const DUPLICATE_ALERT_KIND = "duplicate_payment";
export const duplicateAlertKey = (paymentId: string) => `${DUPLICATE_ALERT_KIND}:${paymentId}`;

/** The alert's words while the refund is on its way, and once Stripe has made it. */
function duplicateAlertText(refunded: boolean) {
  return {
    title: `A second payment for one booking ${refunded ? "was" : "is being"} refunded`,
    explanation:
      "The customer paid a booking twice: an older payment form, still open in another tab or window, went " +
      `through after the booking's payment had been replaced. fieldpay ${refunded ? "refunded" : "refunds"} the ` +
      "second payment in full (your commission and the fieldworker's share included); it does not count in any " +
      "earnings.",
  };
}

/** The charges that stand for one another: the one made at booking (in full, a deposit or a hold), the balance, the extra. */
export function chargeSlot(purpose: ChargePurpose): readonly ChargePurpose[] {
  return AFTER_JOB.includes(purpose) ? [purpose] : AT_BOOKING;
}

/**
 * Whether this succeeded payment is a duplicate: superseded, or the booking has another success of the same
 * charge already (a deposit and its balance are two charges, not a duplicate). The booking row is locked first,
 * so two successes applied at once cannot both count as the first.
 */
export async function isDuplicateSuccess(
  trx: Db,
  payment: {
    id: string;
    tenant_id: string;
    booking_id: string;
    superseded_at: Date | null;
    purpose: ChargePurpose;
  },
): Promise<boolean> {
  await trx
    .selectFrom("bookings")
    .select("id")
    .where("tenant_id", "=", payment.tenant_id)
    .where("id", "=", payment.booking_id)
    .forUpdate()
    .executeTakeFirst();
  if (payment.superseded_at !== null) return true;
  const other = await trx
    .selectFrom("payments")
    .select("id")
    .where("tenant_id", "=", payment.tenant_id)
    .where("booking_id", "=", payment.booking_id)
    .where("id", "!=", payment.id)
    .where("purpose", "in", chargeSlot(payment.purpose))
    .where("status", "=", "succeeded")
    .where("duplicate_at", "is", null)
    .executeTakeFirst();
  return other !== undefined;
}

/** Marks the duplicate (once), with its alert and the job that refunds it, in the caller's transaction. */
export async function recordDuplicatePayment(trx: Db, tenantId: string, paymentId: string): Promise<void> {
  const marked = await trx
    .updateTable("payments")
    .set({ duplicate_at: sql<Date>`now()`, updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .where("duplicate_at", "is", null)
    .returning(["amount", "currency", "fieldworker_account_id"])
    .executeTakeFirst();
  if (!marked) return;
  await trx
    .insertInto("alerts")
    .values({
      tenant_id: tenantId,
      key: duplicateAlertKey(paymentId),
      kind: DUPLICATE_ALERT_KIND,
      severity: "warning",
      account_id: marked.fieldworker_account_id,
      fieldworker_id: null,
      payout_id: null,
      ...duplicateAlertText(false),
      fix: "Nothing to do: the refund is automatic. You may tell the customer the duplicate charge is being returned.",
      since: new Date(),
    })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).where("resolved_at", "is", null).doNothing())
    .execute();
  // The worker installs the queue at start-up; until then the job waits in no queue, but the mark stays.
  if (await jobQueueInstalled(trx)) {
    await enqueueJob(trx, {
      task: "refund_duplicate_payment",
      payload: { tenantId, paymentId },
      jobKey: `refund_duplicate:${paymentId}`,
    });
  }
}

/** The duplicate's refund is made: its alert says so. */
export async function markDuplicateRefunded(db: Db, tenantId: string, paymentId: string): Promise<void> {
  await db
    .updateTable("alerts")
    .set(duplicateAlertText(true))
    .where("tenant_id", "=", tenantId)
    .where("key", "=", duplicateAlertKey(paymentId))
    .where("resolved_at", "is", null)
    .execute();
}
