// Amounts travel through fieldpay as integer minor units, exactly as the Stripe API counts them. This file
// keeps its own copy of the exponent table on purpose: packages/ui must not depend on packages/payments.

// Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
const ZERO_DECIMAL: ReadonlySet<string> = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
// Stripe's three-decimal currencies. Everything else, ISK and HUF included, is two-decimal in the API.
const THREE_DECIMAL: ReadonlySet<string> = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/** How many minor-unit digits one major unit has in Stripe's API for this ISO 4217 code (case-insensitive). */
export function currencyExponent(currency: string): 0 | 2 | 3 {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

// Intl.NumberFormat formats a decimal string exactly (no detour through a float), which is the whole point.
function isDecimalString(value: string): value is Intl.StringNumericLiteral {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** Builds "-123.45" from -12345 and exponent 2 using string operations only, so nothing is rounded. */
function toDecimalString(amountMinor: number, exponent: number): Intl.StringNumericLiteral {
  const sign = amountMinor < 0 ? "-" : "";
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, "0");
  const decimal =
    exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  if (!isDecimalString(decimal)) throw new RangeError(`cannot format ${amountMinor} as money`);
  return decimal;
}

/**
 * Formats integer minor units of an ISO currency for display, e.g. (123456, "usd") -> "$1,234.56",
 * (1234, "jpy") -> "¥1,234", (1234, "kwd") -> "KWD 1.234".
 * Throws a RangeError for a non-integer amount: showing a wrong price is worse than failing loudly.
 */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`money amounts are integer minor units, got ${amountMinor}`);
  }
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  // Show at least the digits the locale expects (USD 12.00) but never hide a minor unit we were given:
  // ISK is two-decimal in Stripe's API yet displayed whole, so 123400 reads "ISK 1,234".
  const localeDigits = new Intl.NumberFormat(locale, { style: "currency", currency: code }).resolvedOptions()
    .minimumFractionDigits;
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: Math.min(localeDigits ?? exponent, exponent),
    maximumFractionDigits: exponent,
  });
  return formatter.format(toDecimalString(amountMinor, exponent));
}

export interface MoneyProps {
  /** Integer minor units (cents for USD, yen for JPY, fils for KWD). */
  amount: number;
  /** ISO 4217 code, any case ("usd", "JPY"). */
  currency: string;
  /** BCP 47 locale; defaults to the browser's. */
  locale?: string;
}

export function Money({ amount, currency, locale }: MoneyProps) {
  const negative = amount < 0;
  return (
    <span className={negative ? "money money-negative" : "money"}>
      {formatMoney(amount, currency, locale)}
    </span>
  );
}
