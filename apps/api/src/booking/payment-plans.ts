// How customers pay, chosen per service with a business default, in the seed's plain words: in full when booking;
// a deposit when booking and the balance after the job; a card kept on file and charged after the job; or the
// price held on the card when booking and captured after the job. A booking keeps the plan it was made under.
import type { BookingPreferences } from "@fieldpay/db/repositories/bookings";
import type { Service } from "@fieldpay/db/repositories/services";
import type { PaymentPlan } from "@fieldpay/db/schema";
import { parseMoney } from "@fieldpay/payments/money";
import { formatMoney } from "@fieldpay/payments/money/format";
import { minimumCharge } from "@fieldpay/payments/money/limits";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import {
  AUTHORIZE_BOOKINGS_WITHIN_DAYS,
  authorizationFits,
  type DepositRule,
  depositFor,
  PAYMENT_PLANS,
} from "@fieldpay/payments/plans";
import { z } from "zod";
import { DomainError } from "../errors.ts";

/** What an admin picks: a plan, or (for a service) the business default; a deposit as a percentage or amount. */
export const planInput = z.object({
  paymentPlan: z
    .enum(["business_default", ...PAYMENT_PLANS], { message: "Choose how customers pay." })
    .default("business_default"),
  depositKind: z
    .enum(["percent", "amount"], { message: "Choose a percentage or a fixed deposit." })
    .nullish(),
  depositValue: z.string().trim().max(20, "Enter the deposit like 50 (percent) or 25.00.").nullish(),
});
export type PlanInput = z.input<typeof planInput>;

export const planOutput = z.object({
  paymentPlan: z.enum(["business_default", ...PAYMENT_PLANS]),
  depositKind: z.enum(["percent", "amount"]).nullable(),
  /** As the admin typed it: "50" (percent) or "25.00". */
  depositValue: z.string().nullable(),
});

export interface PlanColumns {
  payment_plan: PaymentPlan | null;
  deposit_bps: number | null;
  deposit_fixed: number | null;
}

const DEPOSIT_VALUE = "Deposit: enter a percentage like 50, or an amount like 25.00.";

/** A problem with the deposit, shown beside the deposit field. */
const depositProblem = (message: string) =>
  new DomainError("invalid_input", message, undefined, "depositValue");

/** Reads a plan from the form into columns; a service's "business default" is null. */
export function planColumns(input: PlanInput, currency: string): PlanColumns {
  const chosen = input.paymentPlan ?? "business_default";
  const plan = chosen === "business_default" ? null : chosen;
  if (plan !== "deposit") return { payment_plan: plan, deposit_bps: null, deposit_fixed: null };
  const value = input.depositValue ?? "";
  if (!input.depositKind || value === "") throw depositProblem(DEPOSIT_VALUE);
  if (input.depositKind === "percent") {
    // Hundredths of a percent are basis points: "12.5" read as a two-decimal amount is 1250.
    const percent = parseMoney({ value, currency: "usd" });
    const bps = percent.ok ? percent.money.amount : Number.NaN;
    if (!(bps >= 100 && bps <= 9_900)) {
      throw depositProblem("Deposit: enter a percentage from 1 to 99, like 50.");
    }
    return { payment_plan: plan, deposit_bps: bps, deposit_fixed: null };
  }
  const amount = parseMoney({ value, currency });
  if (!amount.ok) throw depositProblem(`Deposit: ${amount.error.message}`);
  if (amount.money.amount <= 0) throw depositProblem("Deposit: enter an amount above zero.");
  return { payment_plan: plan, deposit_bps: null, deposit_fixed: amount.money.amount };
}

/** The columns back as the form shows them. */
export function planView(columns: PlanColumns, currency: string): z.infer<typeof planOutput> {
  const depositKind =
    columns.deposit_bps !== null ? "percent" : columns.deposit_fixed !== null ? "amount" : null;
  const depositValue =
    columns.deposit_bps !== null
      ? toDecimalString(columns.deposit_bps, "usd").replace(/\.00$/, "")
      : columns.deposit_fixed !== null
        ? toDecimalString(columns.deposit_fixed, currency)
        : null;
  return { paymentPlan: columns.payment_plan ?? "business_default", depositKind, depositValue };
}

function depositRule(columns: PlanColumns, currency: string): DepositRule | null {
  if (columns.deposit_bps !== null) return { basisPoints: columns.deposit_bps };
  if (columns.deposit_fixed !== null) return { fixed: { amount: columns.deposit_fixed, currency } };
  return null;
}

/** Checks a service's price works with its plan (or the business default): a deposit Stripe can charge. */
export function checkPlanForPrice(columns: PlanColumns, price: { amount: number; currency: string }) {
  if (columns.payment_plan !== "deposit") return;
  const rule = depositRule(columns, price.currency);
  if (rule === null) throw depositProblem(DEPOSIT_VALUE);
  const deposit = depositFor(price, rule);
  if (!deposit.ok) throw depositProblem(deposit.error.message);
  // The balance is a card payment of its own after the job, so it too must reach Stripe's smallest charge.
  const minimum = minimumCharge(price.currency);
  if (deposit.balance.amount < minimum) {
    const show = (amount: number) => formatMoney(amount, price.currency, "en-US");
    throw depositProblem(
      `Deposit: that leaves ${show(deposit.balance.amount)} to charge after the job, below Stripe's smallest card payment of ${show(minimum)}; lower the deposit or take the price in full.`,
    );
  }
}

export interface BookingPlan {
  plan: PaymentPlan;
  depositAmount: number | null;
}

/**
 * The plan a new booking is made under: the service's, else the business default. A hold lasts about 7 days, so a
 * job further out than AUTHORIZE_BOOKINGS_WITHIN_DAYS keeps the card on file instead (charged after the job).
 */
export function planForBooking(
  service: Service,
  defaults: BookingPreferences,
  startsAt: Date,
  now: Date,
): BookingPlan {
  const own = service.payment_plan !== null;
  const columns: PlanColumns = own
    ? service
    : {
        payment_plan: defaults.paymentPlan,
        deposit_bps: defaults.depositBps,
        deposit_fixed: defaults.depositFixed,
      };
  const plan = columns.payment_plan ?? "full";
  const price = { amount: service.price_amount, currency: service.currency };
  if (plan === "authorize" && !authorizationFits(startsAt, now))
    return { plan: "card_on_file", depositAmount: null };
  if (plan !== "deposit") return { plan, depositAmount: null };
  const rule = depositRule(columns, service.currency);
  const deposit = rule === null ? null : depositFor(price, rule);
  // A default deposit that does not fit this price (too small for Stripe, or the whole price) takes it in full.
  if (deposit === null || !deposit.ok) return { plan: "full", depositAmount: null };
  return { plan, depositAmount: deposit.deposit.amount };
}

/** For the customer's booking summary (pay page and receipt alike, so before and after paying): how it is paid. */
export function planDescription(plan: PaymentPlan): string {
  switch (plan) {
    case "full":
      return "In full when booking.";
    case "deposit":
      return "A deposit when booking; the balance charged to the same card after the job.";
    case "card_on_file":
      return "Card kept on file when booking; charged after the job.";
    case "authorize":
      return "Held on the card when booking (not charged); charged after the job.";
  }
}

/** For the pay page: what the customer pays now and later. */
export function planSummary(plan: PaymentPlan): string {
  switch (plan) {
    case "full":
      return "You pay the full price now.";
    case "deposit":
      return "You pay a deposit now; the balance is charged to the same card after the job.";
    case "card_on_file":
      return "Nothing is charged now: your card is kept on file and charged after the job.";
    case "authorize":
      return `The price is held on your card now (not charged) and charged after the job; jobs more than ${AUTHORIZE_BOOKINGS_WITHIN_DAYS} days away keep the card on file instead.`;
  }
}
