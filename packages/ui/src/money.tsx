// Amounts travel through fieldpay as integer minor units, exactly as the Stripe API counts them; the currency
// table and the formatting come from packages/payments (src/money, which imports nothing), the same ones used on the server.
import { formatMoney } from "@fieldpay/payments/money/format";

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
