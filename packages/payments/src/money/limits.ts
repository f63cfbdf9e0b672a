// Stripe's limits on a single charge amount, in the API's minor units. Like the rest of money/, this imports nothing
// outside the folder, so the browser can warn about a price before anything is sent.
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
