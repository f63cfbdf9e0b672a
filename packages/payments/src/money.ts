// Money as packages/payments checks it for Stripe: the decimals of each currency, Stripe's amount step, the decimal
// strings and the display come from ./money/, which the browser shares (it imports nothing).
import { amountStep } from "./money/limits.ts";
import { minorUnitExponent } from "./money/minor-units.ts";

/** An amount of money: an integer count of the currency's minor unit, with a lowercase ISO 4217 code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export type MoneyProblemCode =
  | "invalid_currency"
  | "invalid_format"
  | "too_many_decimals"
  | "negative"
  | "not_chargeable_step"
  | "too_large"
  | "not_integer";

export interface MoneyProblem {
  readonly code: MoneyProblemCode;
  readonly message: string;
}

export type ParseMoneyResult = { ok: true; money: Money } | { ok: false; error: MoneyProblem };

/** Turns "USD" / " usd " into "usd"; null when it is not a three-letter code. */
export function normalizeCurrency(code: string): string | null {
  const trimmed = code.trim().toLowerCase();
  return /^[a-z]{3}$/.test(trimmed) ? trimmed : null;
}

/** Why an amount cannot be sent to Stripe as is, or null when it can. */
export function checkMoney(money: Money, options: { allowNegative?: boolean } = {}): MoneyProblem | null {
  const currency = normalizeCurrency(money.currency);
  if (currency === null || currency !== money.currency) {
    return { code: "invalid_currency", message: `"${money.currency}" is not a lowercase ISO currency code.` };
  }
  if (!Number.isSafeInteger(money.amount)) {
    return {
      code: "not_integer",
      message: "Amounts must be a whole number of the currency's smallest unit.",
    };
  }
  if (money.amount < 0 && !options.allowNegative) {
    return { code: "negative", message: "The amount cannot be negative." };
  }
  const step = amountStep(currency);
  if (money.amount % step !== 0) {
    return { code: "not_chargeable_step", message: stepMessage(currency) };
  }
  return null;
}

function stepMessage(currency: string): string {
  const upper = currency.toUpperCase();
  return upper === "ISK"
    ? "ISK amounts must be whole krónur (card networks do not accept fractions)."
    : `${upper} amounts must end in 0 at the third decimal place (Stripe only accepts two-decimal precision).`;
}

// Digits with optional "," thousands groups, then an optional "." fraction.
const DECIMAL_PATTERN = /^(-)?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;

/**
 * Reads what a person typed ("1,234.50", "1500") into exact minor units without going through floating point.
 * Extra decimals are accepted only when they are zeros ("1500.00" yen is 1500), because they change nothing.
 */
export function parseMoney(input: {
  value: string;
  currency: string;
  allowNegative?: boolean;
}): ParseMoneyResult {
  const currency = normalizeCurrency(input.currency);
  if (currency === null) {
    return fail("invalid_currency", `"${input.currency}" is not a three-letter ISO currency code.`);
  }
  const exponent = minorUnitExponent(currency);
  const match = DECIMAL_PATTERN.exec(input.value.trim());
  if (match === null) {
    const example = exponent === 0 ? "1500" : "12.50";
    return fail("invalid_format", `Enter an amount like ${example}: digits only, no currency symbol.`);
  }
  const [, minus, whole = "", fraction = ""] = match;
  if (minus !== undefined && !input.allowNegative) {
    return fail("negative", "The amount cannot be negative.");
  }
  const kept = fraction.slice(0, exponent);
  if (/[^0]/.test(fraction.slice(exponent))) {
    return fail("too_many_decimals", decimalsMessage(currency, exponent));
  }
  const digits = `${whole.replaceAll(",", "")}${kept.padEnd(exponent, "0")}`;
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail("too_large", "That amount is too large.");
  }
  const amount = minus !== undefined && magnitude !== 0n ? -Number(magnitude) : Number(magnitude);
  const money: Money = { amount, currency };
  const problem = checkMoney(money, { allowNegative: input.allowNegative ?? false });
  return problem === null ? { ok: true, money } : { ok: false, error: problem };
}

function decimalsMessage(currency: string, exponent: number): string {
  const upper = currency.toUpperCase();
  if (exponent === 0) return `${upper} has no decimal places: enter a whole number.`;
  return `${upper} allows at most ${exponent} decimal places.`;
}

function fail(code: MoneyProblemCode, message: string): ParseMoneyResult {
  return { ok: false, error: { code, message } };
}
