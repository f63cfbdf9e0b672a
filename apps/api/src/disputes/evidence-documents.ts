// What fieldpay knows that helps answer a dispute, written from the booking and its ledger (never from what the
// browser sends): the service date, the job-done record and the receipt, as the admin sees them before sending.
import type { DisputeListRow } from "@fieldpay/db/repositories/disputes";
import { formatMoney } from "@fieldpay/payments/money/format";
import type { BookingView } from "../booking/booking-view.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);
const when = (date: Date) =>
  `${date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
const money = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency, "en-US");

const LINE_WORDS: Record<BookingView["ledger"]["lines"][number]["kind"], string> = {
  charge: "Paid",
  refund: "Refunded",
  dispute_withdrawn: "Withdrawn by the dispute",
  dispute_reinstated: "Returned after the dispute",
  dispute_share_reversed: "Fieldworker's share taken back",
  dispute_share_resent: "Fieldworker's share sent again",
};

export interface EvidencePrefill {
  serviceDate: string;
  customerName: string;
  customerEmail: string;
  productDescription: string;
  serviceDocumentation: { title: string; lines: string[] };
  receipt: { title: string; lines: string[] };
}

export function evidencePrefill(
  dispute: DisputeListRow,
  booking: BookingView,
  businessName: string,
): EvidencePrefill {
  const done = booking.job.doneAt;
  const final = booking.job.finalAmount ?? booking.amount;
  const serviceDay = done ?? booking.startsAt;
  const job = [
    `Business: ${businessName}`,
    `Booking: ${booking.id}`,
    `Service: ${booking.serviceName} (${booking.durationMinutes} minutes)`,
    `Customer: ${booking.customer.name} <${booking.customer.email}>`,
    `Booked for: ${when(booking.startsAt)}`,
    ...(booking.fieldworkerName ? [`Done by: ${booking.fieldworkerName}`] : []),
    done ? `Marked done: ${when(done)}` : "Not marked done in fieldpay.",
    `Final amount: ${money(final)}`,
    ...(booking.job.adjustmentReason
      ? [`Why it differs from the price: ${booking.job.adjustmentReason}`]
      : []),
  ];
  const receipt = [
    `${businessName}: receipt for ${booking.serviceName}`,
    `Customer: ${booking.customer.name} <${booking.customer.email}>`,
    ...booking.ledger.lines
      .filter((l) => l.kind === "charge" || l.kind === "refund")
      .map((l) => `${day(l.occurredAt)}  ${LINE_WORDS[l.kind]}: ${money(l.amount)}`),
    `Total paid after refunds: ${money({ amount: booking.ledger.charged.amount - booking.ledger.refunded.amount, currency: booking.amount.currency })}`,
  ];
  return {
    serviceDate: day(serviceDay),
    customerName: dispute.customer_name,
    customerEmail: dispute.customer_email,
    productDescription: `${booking.serviceName} at the customer's address on ${day(serviceDay)}, booked through ${businessName}'s booking page.`,
    serviceDocumentation: { title: "Job-done record", lines: job },
    receipt: { title: "Receipt", lines: receipt },
  };
}
