// What the pay page gets: how to confirm (a payment, or saving the card), and what the plan means for the
// customer: what is taken now, what after the job, and whether it is a hold rather than a charge.
import type { Booking } from "@fieldpay/db/repositories/bookings";
import type { PaymentPlan } from "@fieldpay/db/schema";
import type { Money } from "@fieldpay/payments/money";
import { dueAtBooking } from "@fieldpay/payments/plans";
import { planSummary } from "./payment-plans.ts";

export interface PayAnswer {
  bookingId: string;
  attempt: number;
  /** "setup": Stripe.js confirms a SetupIntent (the card is saved, nothing is charged). */
  intent: "payment" | "setup";
  clientSecret: string;
  publishableKey: string;
  stripeAccount: string | null;
  /** What this confirmation takes (or holds); zero for a setup. */
  amount: Money;
  applicationFee: Money | null;
  fieldworkerNet: Money | null;
  savedCardsAllowed: boolean;
  plan: PaymentPlan;
  /** Held on the card now and charged after the job. */
  hold: boolean;
  /** Charged after the job, at the price booked (the job's final amount may differ). */
  dueAfterJob: Money;
  summary: string;
}

export function planAnswer(booking: Booking): Pick<PayAnswer, "plan" | "hold" | "dueAfterJob" | "summary"> {
  const price = { amount: booking.amount, currency: booking.currency };
  const deposit =
    booking.deposit_amount === null ? null : { amount: booking.deposit_amount, currency: booking.currency };
  const now = dueAtBooking(booking.payment_plan, price, deposit);
  const hold = booking.payment_plan === "authorize";
  return {
    plan: booking.payment_plan,
    hold,
    dueAfterJob: { amount: hold ? 0 : booking.amount - now.amount, currency: booking.currency },
    summary: planSummary(booking.payment_plan),
  };
}
