import { minorUnitExponent, toDecimalString } from "./minor-units.ts";

// Intl.NumberFormat formats a decimal string exactly (no detour through a float), which is the whole point.
function isDecimalString(value: string): value is Intl.StringNumericLiteral {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/**
 * Integer minor units of an ISO currency for people to read, on the server and in the browser alike:
 * (123456, "usd") -> "$1,234.56", (1234, "jpy") -> "¥1,234", (1234, "kwd") -> "KWD 1.234". `locale` defaults to
 * the runtime's (the browser's). Throws a RangeError for a non-integer amount.
 */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const decimal = toDecimalString(amountMinor, currency);
  if (!isDecimalString(decimal)) throw new RangeError(`cannot format ${amountMinor} as money`);
  const code = currency.toUpperCase();
  const exponent = minorUnitExponent(code);
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
  return formatter.format(decimal);
}
