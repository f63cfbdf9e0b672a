// Stripe's limits on a single charge amount, in the API's minor units. Like the rest of money/, this imports nothing
// outside the folder, so the browser can warn about a price before anything is sent.
import { formatMoney } from "./format.ts";
import { minorUnitExponent } from "./minor-units.ts";

/**
 * The smallest increment Stripe accepts in a charge or refund amount. Three-decimal currencies must end in 0
 * (Stripe's acquirers only take two decimals), and ISK stays two-decimal in the API for compatibility while card
 * networks only accept whole krónur, so ISK amounts must be multiples of 100.
 */
export function amountStep(currency: string): 1 | 10 | 100 {
  const code = currency.toLowerCase();
  if (code === "isk") return 100;
  if (minorUnitExponent(code) === 3) return 10;
  return 1;
}

// Stripe's documented minimum charge amounts (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts),
// in minor units: USD 0.50, HUF 175.00, JPY ¥50 and so on.
const DOCUMENTED_MINIMUM: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/**
 * The smallest amount Stripe charges in a currency. For a currency outside Stripe's table the real minimum is the
 * equivalent of the settlement currency's minimum at the day's exchange rate, which nobody can know in advance,
 * so this is a floor that catches obvious mistakes: half a major unit (50 for two decimals, 500 for three, as in
 * the table's USD/EUR row), 50 units for a zero-decimal currency (as JPY), raised to the currency's amount step
 * (ISK 1.00). Stripe may still refuse an amount above it with `amount_too_small`, reported as its own error.
 */
export function minimumCharge(currency: string): number {
  const code = currency.toLowerCase();
  const documented = DOCUMENTED_MINIMUM[code];
  if (documented !== undefined) return documented;
  const floor = minorUnitExponent(code) === 3 ? 500 : 50;
  const step = amountStep(code);
  return Math.ceil(floor / step) * step;
}

/** Stripe's amount field takes up to eight digits (99999999: USD 999,999.99). */
const MAXIMUM_DIGITS_AMOUNT = 99_999_999;

/**
 * The largest amount Stripe takes in one charge: 99999999 minor units, brought down to the currency's step,
 * because the last digit of a three-decimal amount must be 0 (KWD 99,999.990) and ISK must be whole krónur.
 */
export function maximumCharge(currency: string): number {
  const step = amountStep(currency);
  return MAXIMUM_DIGITS_AMOUNT - (MAXIMUM_DIGITS_AMOUNT % step);
}

/** The currency's name as a sentence uses it: "US dollars", "euros", "Japanese yen". */
export function currencyName(currency: string, locale = "en-US"): string {
  const parts = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    currencyDisplay: "name",
  }).formatToParts(2);
  return parts.find((p) => p.type === "currency")?.value ?? currency.toUpperCase();
}

/**
 * Why Stripe would refuse one card payment of this amount, in a sentence for the person typing it, or null when
 * it is within Stripe's limits: "Stripe's smallest card payment in US dollars is $0.50."
 */
export function chargeLimitProblem(amount: number, currency: string, locale = "en-US"): string | null {
  const minimum = minimumCharge(currency);
  if (amount < minimum) {
    return `Stripe's smallest card payment in ${currencyName(currency, locale)} is ${formatMoney(minimum, currency, locale)}.`;
  }
  const maximum = maximumCharge(currency);
  if (amount > maximum) {
    return `Stripe takes at most ${formatMoney(maximum, currency, locale)} in one card payment.`;
  }
  return null;
}

// fieldpay's own caps on a commission, beyond which the number is far more likely a typo than a business decision
// (the seed's businesses keep 10% and 15%; marketplaces rarely keep more than a third). At 50% the business and
// the fieldworker share a payment evenly; more would leave the person doing the job the smaller part.
/** The largest commission percentage, in basis points (50%). */
export const MAX_COMMISSION_BPS = 5_000;

/**
 * The largest fixed part of a commission: a hundred of Stripe's smallest payments in the currency (USD 50.00,
 * GBP 30.00, JPY 5,000), enough for a call-out fee yet far below a typo's "$99,999".
 */
export function maximumFixedCommission(currency: string): number {
  return minimumCharge(currency) * 100;
}

/** Why a commission cannot be saved, in a sentence for the admin typing it, or null when it is within the caps. */
export function commissionCapProblem(
  commission: { basisPoints: number | null; fixed: number | null },
  currency: string,
  locale = "en-US",
): { field: "percent" | "fixed"; message: string } | null {
  if (commission.basisPoints !== null && commission.basisPoints > MAX_COMMISSION_BPS) {
    return {
      field: "percent",
      message: `Keep the commission at ${MAX_COMMISSION_BPS / 100}% or less, so the fieldworker keeps at least half of each payment.`,
    };
  }
  const cap = maximumFixedCommission(currency);
  if (commission.fixed !== null && commission.fixed > cap) {
    return {
      field: "fixed",
      message: `Keep the fixed part at ${formatMoney(cap, currency, locale)} or less; for a larger share, raise the percentage.`,
    };
  }
  return null;
}
