// Amounts travel through fieldpay as integer minor units, exactly as the Stripe API counts them. This is the one
// table of how many decimals a currency has there, read by packages/payments (charges, refunds, what people type)
// and by the browser (packages/ui, apps/web). It imports nothing, so the web dev server can serve it as it is.

// Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
const ZERO_DECIMAL: ReadonlySet<string> = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);
// Stripe's three-decimal currencies. Everything else, ISK and HUF included, is two-decimal in the API.
const THREE_DECIMAL: ReadonlySet<string> = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** How many decimal places Stripe's API amounts carry for an ISO 4217 code, any case (minor = major × 10^n). */
export function minorUnitExponent(currency: string): 0 | 2 | 3 {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * The exact decimal value of integer minor units ("12.50", "1500", "-0.05"), built with string operations only,
 * so nothing is rounded. Throws a RangeError for anything but a safe integer: a wrong price is worse than none.
 */
export function toDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`money amounts are integer minor units, got ${amountMinor}`);
  }
  const exponent = minorUnitExponent(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, "0");
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
