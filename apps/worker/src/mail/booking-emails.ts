// The customer's emails about a booking's money, queued in the transaction of the Stripe event that confirms it:
// a receipt after each successful charge (with the booking's ledger so far) and one email per refund made. Both
// read the ledger (nothing else keeps totals) and carry a dedupe key of our own ids, so a replayed or
// duplicated event writes nothing more.
import type { Db } from "@fieldpay/db/client";
import { queueEmail } from "@fieldpay/db/repositories/emails";
import { listLedgerLines } from "@fieldpay/db/repositories/ledger";
import { appLink } from "./app-link.ts";

async function bookingOfPayment(trx: Db, tenantId: string, paymentIntentId: string) {
  return trx
    .selectFrom("payments")
    .innerJoin("bookings", "bookings.id", "payments.booking_id")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .innerJoin("services", "services.id", "bookings.service_id")
    .innerJoin("tenants", "tenants.id", "bookings.tenant_id")
    .select([
      "payments.id as paymentId",
      "bookings.id as bookingId",
      "bookings.currency",
      "users.id as customerId",
      "users.email",
      "users.name as customerName",
      "services.name as serviceName",
      "tenants.slug",
    ])
    .where("payments.tenant_id", "=", tenantId)
    .where("payments.payment_intent_id", "=", paymentIntentId)
    .executeTakeFirst();
}

type Booking = NonNullable<Awaited<ReturnType<typeof bookingOfPayment>>>;

const bookingLink = (webOrigin: string, b: Booking) =>
  appLink(webOrigin, `/book/${b.slug}/bookings/${b.bookingId}`);

/**
 * The receipt for the charge of this PaymentIntent, once the ledger counts it (a duplicate charge, refunded
 * automatically, never does). Returns whether an email was queued now.
 */
export async function queueReceipt(
  trx: Db,
  input: { tenantId: string; paymentIntentId: string; webOrigin: string },
): Promise<boolean> {
  const booking = await bookingOfPayment(trx, input.tenantId, input.paymentIntentId);
  if (!booking) return false;
  const lines = await listLedgerLines(trx, input.tenantId, [booking.bookingId]);
  const charge = lines.find((l) => l.kind === "charge" && l.payment_id === booking.paymentId);
  if (!charge) return false;
  const email = await queueEmail(trx, {
    tenantId: input.tenantId,
    to: booking.email,
    userId: booking.customerId,
    template: "receipt",
    props: {
      customerName: booking.customerName,
      serviceName: booking.serviceName,
      amount: charge.amount,
      currency: booking.currency,
      lines: lines.flatMap((l) =>
        l.kind === "charge" || l.kind === "refund"
          ? [{ kind: l.kind, purpose: l.purpose, amount: l.amount }]
          : [],
      ),
      link: bookingLink(input.webOrigin, booking),
    },
    dedupeKey: `receipt:${booking.paymentId}`,
  });
  return email.queued;
}

/** One email per refund of this PaymentIntent's charge that the ledger counts (made here or in the Dashboard). */
export async function queueRefundEmails(
  trx: Db,
  input: { tenantId: string; paymentIntentId: string; webOrigin: string },
): Promise<number> {
  const booking = await bookingOfPayment(trx, input.tenantId, input.paymentIntentId);
  if (!booking) return 0;
  const lines = await listLedgerLines(trx, input.tenantId, [booking.bookingId]);
  let queued = 0;
  for (const line of lines) {
    if (line.kind !== "refund" || line.payment_id !== booking.paymentId || line.refund_id === null) continue;
    const email = await queueEmail(trx, {
      tenantId: input.tenantId,
      to: booking.email,
      userId: booking.customerId,
      template: "refund_made",
      props: {
        customerName: booking.customerName,
        serviceName: booking.serviceName,
        amount: Math.abs(line.amount),
        currency: booking.currency,
        link: bookingLink(input.webOrigin, booking),
      },
      dedupeKey: `refund_made:${line.refund_id}`,
    });
    if (email.queued) queued += 1;
  }
  return queued;
}
