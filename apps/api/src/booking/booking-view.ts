// The one shape bookings leave the api in. Customers see their own booking, its plan and its ledger's amounts;
// fieldworkers see their jobs and their share of each line; admins also see the Connect split, the
// PaymentIntents and the refunds. Every money figure comes from the booking's ledger (ledger_lines).
import type { Db } from "@fieldpay/db/client";
import { type BookingListRow, DONE_FROM, listBookings } from "@fieldpay/db/repositories/bookings";
import { type LedgerLine, ledgerTotals, listLedgerLines } from "@fieldpay/db/repositories/ledger";
import { chargedAmount, listPayments, type PaymentRow } from "@fieldpay/db/repositories/payments";
import { listRefunds, type RefundRow } from "@fieldpay/db/repositories/refunds";
import { businessContact } from "@fieldpay/db/repositories/tenants";
import { attemptFailed } from "./pay-booking.ts";
import { planDescription } from "./payment-plans.ts";

export type Audience = "admin" | "customer" | "fieldworker";
const money = (amount: number, currency: string) => ({ amount, currency });
const PAYABLE = ["pending_payment", "requires_action", "payment_failed", "balance_due"];

/** The payment that matters for a booking: the successful one (never a duplicate) if any, else the newest attempt. */
function shownPayment(payments: PaymentRow[]): PaymentRow | undefined {
  const kept = payments.filter((p) => p.duplicate_at === null);
  return kept.findLast((p) => p.status === "succeeded" || p.status === "requires_capture") ?? payments.at(-1);
}

function paymentView(p: PaymentRow, refunds: RefundRow[], audience: Audience) {
  const admin = audience === "admin";
  return {
    attempt: p.attempt,
    status: p.status,
    purpose: p.purpose,
    chargeType: p.charge_type,
    amountRefunded: money(p.amount_refunded, p.currency),
    failure: attemptFailed(p) ? { message: p.failure_message ?? "The card was declined." } : null,
    paymentIntentId: admin ? p.payment_intent_id : null,
    /** The connected account the PaymentIntent lives on (Standard direct charges), for its Dashboard link. */
    onAccount: admin ? p.on_account : null,
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
          reason: r.reason,
          createdAt: r.created_at,
        }))
      : [],
    refundable: money(p.status === "succeeded" ? chargedAmount(p) - p.amount_refunded : 0, p.currency),
  };
}

/** One ledger line as each audience may see it: the customer sees amounts, the fieldworker also their share. */
function ledgerLineView(
  line: LedgerLine,
  audience: Audience,
  onAccount: ReadonlyMap<string, string | null>,
  reasons: ReadonlyMap<string, RefundRow["reason"]>,
) {
  const admin = audience === "admin";
  return {
    id: line.refund_id ?? line.payment_id,
    paymentId: line.payment_id,
    kind: line.kind,
    purpose: line.purpose,
    amount: money(line.amount, line.currency),
    business: admin ? money(line.business_amount, line.currency) : null,
    fieldworker: audience === "customer" ? null : money(line.fieldworker_amount, line.currency),
    stripeId: admin ? line.stripe_id : null,
    stripeAccount: admin ? (onAccount.get(line.payment_id) ?? null) : null,
    occurredAt: new Date(line.occurred_at),
    /** Why a refund line was refunded (the admin's choice, sent to Stripe); admins only. */
    refundReason: admin && line.refund_id !== null ? (reasons.get(line.refund_id) ?? null) : null,
  };
}

function ledgerView(
  lines: LedgerLine[],
  payments: PaymentRow[],
  refunds: RefundRow[],
  currency: string,
  audience: Audience,
) {
  const onAccount = new Map(payments.map((p) => [p.id, p.on_account]));
  const reasons = new Map(refunds.map((r) => [r.id, r.reason]));
  const totals = ledgerTotals(lines);
  // What a dispute moves between the business and the fieldworker is theirs to see, not the customer's.
  const shown = audience === "customer" ? lines.filter((l) => !l.kind.startsWith("dispute_share")) : lines;
  return {
    lines: shown.map((line) => ledgerLineView(line, audience, onAccount, reasons)),
    charged: money(totals.charged, currency),
    refunded: money(totals.refunded, currency),
    disputed: money(totals.disputed, currency),
    net: money(totals.net, currency),
    business: audience === "admin" ? money(totals.business, currency) : null,
    fieldworker: audience === "customer" ? null : money(totals.fieldworker, currency),
  };
}

/** "R-1A2B3C4D": short, stable (derived from the booking's id) and unique enough to read out on the phone. */
export function receiptNumber(bookingId: string): string {
  return `R-${bookingId.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}

/** What the receipt adds: its number, when it was paid and with which card, and whom to contact. */
function receiptView(
  row: BookingListRow,
  payments: PaymentRow[],
  lines: LedgerLine[],
  business: BusinessContact,
) {
  const lastCharge = lines.findLast((l) => l.kind === "charge");
  const paid = payments.findLast((p) => p.duplicate_at === null && p.status === "succeeded");
  return {
    number: receiptNumber(row.id),
    paidAt: lastCharge ? new Date(lastCharge.occurred_at) : null,
    card: paid?.card_brand && paid.card_last4 ? { brand: paid.card_brand, last4: paid.card_last4 } : null,
    business,
  };
}

type BusinessContact = { name: string; email: string | null };

function bookingView(
  row: BookingListRow,
  payments: PaymentRow[],
  refunds: RefundRow[],
  lines: LedgerLine[],
  audience: Audience,
  business: BusinessContact,
) {
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
    plan: {
      plan: row.payment_plan,
      summary: planDescription(row.payment_plan),
      deposit: row.deposit_amount === null ? null : money(row.deposit_amount, row.currency),
      cardSaved: row.card_payment_method_id !== null,
      holdExpiresAt: row.authorization_expires_at === null ? null : new Date(row.authorization_expires_at),
      holdLapsed: row.authorization_lapsed_at !== null,
    },
    job: {
      doneAt: row.done_at === null ? null : new Date(row.done_at),
      finalAmount: row.final_amount === null ? null : money(row.final_amount, row.currency),
      adjustmentReason: row.adjustment_reason,
      canMarkDone: audience !== "customer" && row.done_at === null && DONE_FROM.includes(row.status),
    },
    ledger: ledgerView(lines, payments, refunds, row.currency, audience),
    receipt: receiptView(row, payments, lines, business),
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
  filter: { customerId?: string; bookingId?: string; fieldworkerId?: string },
  audience: Audience,
): Promise<BookingView[]> {
  const rows = await listBookings(db, tenantId, filter);
  const ids = rows.map((r) => r.id);
  const [payments, lines, business] = await Promise.all([
    listPayments(db, tenantId, ids),
    listLedgerLines(db, tenantId, ids),
    businessContact(db, tenantId),
  ]);
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
      lines.filter((l) => l.booking_id === row.id),
      audience,
      business,
    ),
  );
}
