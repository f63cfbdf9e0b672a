// The one shape bookings leave the api in. Customers see their own booking and payment; admins also see the
// Connect split, the PaymentIntent and the refunds.
import type { Db } from "@fieldpay/db/client";
import { type BookingListRow, listBookings } from "@fieldpay/db/repositories/bookings";
import { listPayments, type PaymentRow } from "@fieldpay/db/repositories/payments";
import { listRefunds, type RefundRow } from "@fieldpay/db/repositories/refunds";
import { attemptFailed } from "./pay-booking.ts";

export type Audience = "admin" | "customer";
const money = (amount: number, currency: string) => ({ amount, currency });
const PAYABLE = ["pending_payment", "requires_action", "payment_failed"];

/** The payment that matters for a booking: the successful one (never a duplicate) if any, else the newest attempt. */
function shownPayment(payments: PaymentRow[]): PaymentRow | undefined {
  return payments.find((p) => p.status === "succeeded" && p.duplicate_at === null) ?? payments.at(-1);
}

function paymentView(p: PaymentRow, refunds: RefundRow[], audience: Audience) {
  const admin = audience === "admin";
  return {
    attempt: p.attempt,
    status: p.status,
    chargeType: p.charge_type,
    amountRefunded: money(p.amount_refunded, p.currency),
    failure: attemptFailed(p) ? { message: p.failure_message ?? "The card was declined." } : null,
    paymentIntentId: admin ? p.payment_intent_id : null,
    split:
      admin && p.application_fee_amount !== null && p.fieldworker_net_amount !== null
        ? {
            applicationFee: money(p.application_fee_amount, p.currency),
            fieldworkerNet: money(p.fieldworker_net_amount, p.currency),
          }
        : null,
    refunds: admin
      ? refunds.map((r) => ({
          id: r.id,
          amount: money(r.amount, r.currency),
          status: r.status,
          refundApplicationFee: r.refund_application_fee,
          reverseTransfer: r.reverse_transfer,
          createdAt: r.created_at,
        }))
      : [],
    refundable: money(p.status === "succeeded" ? p.amount - p.amount_refunded : 0, p.currency),
  };
}

function bookingView(row: BookingListRow, payments: PaymentRow[], refunds: RefundRow[], audience: Audience) {
  const payment = shownPayment(payments);
  return {
    id: row.id,
    serviceName: row.service_name,
    durationMinutes: row.duration_minutes,
    startsAt: new Date(row.starts_at),
    createdAt: new Date(row.created_at),
    status: row.status,
    amount: money(row.amount, row.currency),
    customer: { name: row.customer_name, email: row.customer_email },
    fieldworkerId: row.fieldworker_id,
    fieldworkerName: row.fieldworker_name,
    canPay: PAYABLE.includes(row.status),
    payment: payment
      ? paymentView(
          payment,
          refunds.filter((r) => r.payment_id === payment.id),
          audience,
        )
      : null,
  };
}

export type BookingView = ReturnType<typeof bookingView>;

export async function bookingViews(
  db: Db,
  tenantId: string,
  filter: { customerId?: string; bookingId?: string },
  audience: Audience,
): Promise<BookingView[]> {
  const rows = await listBookings(db, tenantId, filter);
  const payments = await listPayments(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const refunds = await listRefunds(
    db,
    tenantId,
    payments.map((p) => p.id),
  );
  return rows.map((row) =>
    bookingView(
      row,
      payments.filter((p) => p.booking_id === row.id),
      refunds,
      audience,
    ),
  );
}
