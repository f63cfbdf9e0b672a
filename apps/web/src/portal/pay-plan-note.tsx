// What the pay page asks for under the booking's plan, in plain words, before the card form: the whole price, a
// deposit now and the balance after the job, a hold (not a charge), only saving the card, or the balance left
// once the job is done.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { Alert } from "@fieldpay/ui/alert";
import type { inferRouterOutputs } from "@trpc/server";
import type { BookingView } from "../bookings/ledger-words.ts";

type Payment = inferRouterOutputs<AppRouter>["bookings"]["pay"];
const show = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);

function noteOf(payment: Payment, booking: BookingView): { title: string; body: string } | null {
  if (booking.status === "balance_due") {
    return {
      title: `The job is done: ${show(payment.amount)} is left to pay`,
      body: booking.job.adjustmentReason
        ? `The final amount changed: ${booking.job.adjustmentReason}`
        : "Confirm the charge below: with your bank's check, or with another card.",
    };
  }
  if (payment.intent === "setup")
    return { title: "Save your card: nothing is charged now", body: payment.summary };
  if (payment.hold) {
    return {
      title: `${show(payment.amount)} will be held on your card (not charged) until the job is done`,
      body: "The hold is captured when the job is done, for the final amount; a smaller final amount releases the rest.",
    };
  }
  if (payment.plan === "deposit") {
    return {
      title: `Deposit due now: ${show(payment.amount)} of ${show(booking.amount)}`,
      body: `The balance (${show(payment.dueAfterJob)}) is charged to the same card after the job.`,
    };
  }
  return null;
}

export function PayPlanNote({ payment, booking }: { payment: Payment; booking: BookingView }) {
  const note = noteOf(payment, booking);
  if (!note) return null;
  return (
    <Alert tone="info" title={note.title}>
      {note.body}
    </Alert>
  );
}
