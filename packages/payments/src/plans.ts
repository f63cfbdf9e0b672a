// A booking's payment plan and the money each step of it moves, as pure functions: what to take at booking, what to
// capture, charge or give back after the job, and the business's commission on each piece. Nothing here calls Stripe.
import { type FeeRule, splitCharge } from "./fees.ts";
import { formatMoney } from "./money/format.ts";
import { amountStep, minimumCharge } from "./money/limits.ts";
import { roundHalfUpToStep } from "./money/rounding.ts";
import { checkMoney, type Money } from "./money.ts";

/** In full at booking; deposit at booking and the balance after the job; card on file; authorize, capture after. */
export const PAYMENT_PLANS = ["full", "deposit", "card_on_file", "authorize"] as const;
export type PaymentPlan = (typeof PAYMENT_PLANS)[number];

/** A deposit as a share of the price (1% = 100 basis points) or as a fixed amount in the price's currency. */
export type DepositRule = { basisPoints: number } | { fixed: Money };

export type DepositResult =
  | { ok: true; deposit: Money; balance: Money }
  | { ok: false; error: { message: string } };

const BASIS_POINTS_PER_WHOLE = 10_000n;

/**
 * The deposit taken at booking and the balance left for after the job. A percentage is rounded half-up once to the
 * currency's step (as commissions are); the deposit must be a charge Stripe takes and leave something to pay later.
 */
export function depositFor(price: Money, rule: DepositRule): DepositResult {
  const priceProblem = checkMoney(price);
  if (priceProblem !== null) return refuse(`Price: ${priceProblem.message}`);
  const deposit = depositAmount(price, rule);
  if (typeof deposit === "string") return refuse(deposit);
  const minimum = minimumCharge(price.currency);
  if (deposit < minimum) {
    return refuse(
      `A deposit must be at least ${show(minimum, price.currency)}, the smallest amount Stripe charges in ${price.currency.toUpperCase()}.`,
    );
  }
  if (deposit >= price.amount) {
    return refuse(
      "A deposit must be less than the price; choose “In full when booking” to take it all at once.",
    );
  }
  return {
    ok: true,
    deposit: { amount: deposit, currency: price.currency },
    balance: { amount: price.amount - deposit, currency: price.currency },
  };
}

// The deposit in minor units, or why the rule cannot give one.
function depositAmount(price: Money, rule: DepositRule): number | string {
  if ("basisPoints" in rule) {
    const { basisPoints } = rule;
    if (!Number.isInteger(basisPoints) || basisPoints <= 0 || basisPoints > 10_000) {
      return "A deposit percentage must be more than 0% and at most 100%.";
    }
    const step = BigInt(amountStep(price.currency));
    const exact = BigInt(price.amount) * BigInt(basisPoints);
    return Number(roundHalfUpToStep(exact, BASIS_POINTS_PER_WHOLE, step));
  }
  const fixedProblem = checkMoney(rule.fixed);
  if (fixedProblem !== null) return `Deposit: ${fixedProblem.message}`;
  if (rule.fixed.currency !== price.currency) {
    return `The deposit is in ${rule.fixed.currency.toUpperCase()} but the service is priced in ${price.currency.toUpperCase()}.`;
  }
  return rule.fixed.amount;
}

function refuse(message: string): DepositResult {
  return { ok: false, error: { message } };
}

const show = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");

/** How long Stripe keeps a card authorization (an uncaptured card payment) before it lapses. */
export const AUTHORIZATION_VALID_DAYS = 7;
/** Authorize only jobs that start this soon, leaving two days to finish the job and capture. */
export const AUTHORIZE_BOOKINGS_WITHIN_DAYS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a job starting at `startsAt` can be authorized now and still be captured inside the authorization. */
export function authorizationFits(startsAt: Date, now: Date): boolean {
  const ahead = startsAt.getTime() - now.getTime();
  return ahead >= 0 && ahead <= AUTHORIZE_BOOKINGS_WITHIN_DAYS * DAY_MS;
}

/** What the customer pays (or has held, for `authorize`) when they book. */
export function dueAtBooking(plan: PaymentPlan, price: Money, deposit: Money | null): Money {
  switch (plan) {
    case "full":
    case "authorize":
      return price;
    case "deposit":
      if (deposit === null) throw new RangeError("dueAtBooking: the deposit plan needs the deposit");
      sameCurrency(price, deposit);
      return deposit;
    case "card_on_file":
      return { amount: 0, currency: price.currency };
  }
}

export interface AfterJobInput {
  plan: PaymentPlan;
  /** What the job finally costs, adjustments included. */
  final: Money;
  /** What the booking's charges (duplicates left out) took so far, before refunds. */
  charged: Money;
  /** The card authorization of an `authorize` booking; `usable` is false once it lapsed or was cancelled. */
  authorization: { amount: Money; usable: boolean } | null;
}

export interface AfterJobMoney {
  /** Capture this much of the authorization; capturing less releases the rest. */
  capture: Money | null;
  /** Charge the card on file this much (the balance, or an extra over what was authorized). */
  charge: Money | null;
  /** Give this much back: the booking took more than it finally costs. */
  refund: Money | null;
}

/**
 * What to move after the job so that the booking takes exactly `final`. A usable authorization is captured first
 * (up to what it holds); whatever is still missing is charged to the card on file, and whatever was taken beyond
 * `final` (a deposit larger than an adjusted price) is refunded. A charge below Stripe's minimum is still
 * returned: `belowMinimum` tells the caller to explain it rather than send it. Throws on mixed currencies.
 */
export function afterJobMoney(input: AfterJobInput): AfterJobMoney {
  const { final, charged, authorization } = input;
  const currency = final.currency;
  sameCurrency(final, charged);
  if (authorization !== null) sameCurrency(final, authorization.amount);
  const money = (amount: number): Money | null => (amount > 0 ? { amount, currency } : null);
  const missing = final.amount - charged.amount;
  const refund = money(-missing);
  if (input.plan === "authorize" && authorization?.usable === true) {
    const capture = Math.min(Math.max(missing, 0), authorization.amount.amount);
    return { capture: money(capture), charge: money(missing - capture), refund };
  }
  return { capture: null, charge: money(missing), refund };
}

/** A charge Stripe would refuse as too small (but more than nothing): the caller says so instead of sending it. */
export function belowMinimum(m: Money): boolean {
  return m.amount > 0 && m.amount < minimumCharge(m.currency);
}

export interface FeeForChargeInput {
  rule: FeeRule;
  /** What the booking's earlier charges took and the application fees they carried. */
  before: { charged: Money; fees: Money };
  charge: Money;
}

/**
 * The application fee on one more charge of a booking, allocated cumulatively: the commission on everything
 * charged so far, minus the fees already taken. A booking charged in pieces (deposit, then balance) pays the same
 * commission as one charge of the whole, with the fixed part taken once, unless a fee cap bites on a small piece;
 * each fee stays within [0, charge]. Throws on an invalid rule or mixed currencies, as the rule was checked when
 * saved.
 */
export function feeForCharge(input: FeeForChargeInput): { applicationFee: Money; fieldworkerNet: Money } {
  const { rule, before, charge } = input;
  sameCurrency(charge, before.charged);
  sameCurrency(charge, before.fees);
  for (const money of [charge, before.charged, before.fees]) {
    const problem = checkMoney(money);
    if (problem !== null) throw new RangeError(`feeForCharge: ${problem.message}`);
  }
  const total = splitCharge({
    charge: { amount: before.charged.amount + charge.amount, currency: charge.currency },
    rule,
  });
  if (!total.ok) throw new RangeError(`feeForCharge: ${total.error.message}`);
  const fee = Math.min(Math.max(total.applicationFee.amount - before.fees.amount, 0), charge.amount);
  return {
    applicationFee: { amount: fee, currency: charge.currency },
    fieldworkerNet: { amount: charge.amount - fee, currency: charge.currency },
  };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`mixed currencies: ${a.currency.toUpperCase()} and ${b.currency.toUpperCase()}`);
  }
}
