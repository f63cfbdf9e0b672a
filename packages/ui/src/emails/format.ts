import { formatMoney } from "@fieldpay/payments/money/format";

/** Emails are read anywhere, so amounts use one fixed locale rather than the server's. */
export const amount = (minor: number, currency: string) => formatMoney(minor, currency, "en-US");

export const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
