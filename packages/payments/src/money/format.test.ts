import { describe, expect, it } from "vitest";
import { formatMoney } from "./format.ts";

// Intl separates the currency code from the number with a no-break space; tests compare with plain spaces.
const text = (amount: number, currency: string, locale = "en-US") =>
  formatMoney(amount, currency, locale).replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("divides two-decimal currencies by 100", () => {
    expect(text(123456, "usd")).toBe("$1,234.56");
    expect(text(1200, "USD")).toBe("$12.00");
    expect(text(5, "eur")).toBe("€0.05");
    expect(text(0, "usd")).toBe("$0.00");
  });

  it("shows zero-decimal currencies as whole units", () => {
    expect(text(1234, "jpy")).toBe("¥1,234");
    expect(text(1500, "jpy")).toBe("¥1,500");
    expect(text(50000, "KRW")).toBe("₩50,000");
    expect(text(7, "xof")).toMatch(/^F\s?CFA 7$/);
  });

  it("shows three-decimal currencies with three decimals", () => {
    expect(text(1234, "kwd")).toBe("KWD 1.234");
    expect(text(5120, "kwd")).toBe("KWD 5.120");
    expect(text(5, "bhd")).toBe("BHD 0.005");
    expect(text(10000, "tnd")).toBe("TND 10.000");
  });

  it("keeps the sign of refunds and negative balances", () => {
    expect(text(-1999, "usd")).toBe("-$19.99");
    expect(text(-3, "jpy")).toBe("-¥3");
  });

  it("is exact for amounts a float would round", () => {
    expect(text(9007199254740991, "usd")).toBe("$90,071,992,547,409.91");
  });

  it("shows ISK whole when Stripe's two-decimal amount has no fraction, and never hides one", () => {
    expect(text(4000, "isk")).toBe("ISK 40");
    expect(text(123400, "isk")).toBe("ISK 1,234");
    expect(text(123450, "isk")).toBe("ISK 1,234.5");
  });

  it("follows the locale's separators and symbol placement", () => {
    expect(text(123456, "eur", "de-DE")).toBe("1.234,56 €");
  });

  it("refuses amounts that are not integer minor units", () => {
    expect(() => formatMoney(12.5, "usd")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "usd")).toThrow(RangeError);
  });
});
