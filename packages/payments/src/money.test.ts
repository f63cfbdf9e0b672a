import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountStep,
  checkMoney,
  formatMoney,
  minorUnitExponent,
  normalizeCurrency,
  parseMoney,
  toDecimalString,
} from "./money.ts";

describe("minorUnitExponent", () => {
  it.each([
    ["usd", 2],
    ["EUR", 2],
    ["jpy", 0],
    ["krw", 0],
    ["vnd", 0],
    ["clp", 0],
    ["xof", 0],
    ["bhd", 3],
    ["jod", 3],
    ["kwd", 3],
    ["omr", 3],
    ["tnd", 3],
    ["isk", 2],
    ["gbp", 2],
  ] as const)("%s has %i decimals", (currency, exponent) => {
    expect(minorUnitExponent(currency)).toBe(exponent);
  });

  it("knows Stripe's step for three-decimal currencies and ISK", () => {
    expect([amountStep("usd"), amountStep("kwd"), amountStep("isk"), amountStep("jpy")]).toEqual([
      1, 10, 100, 1,
    ]);
  });
});

describe("normalizeCurrency", () => {
  it("lowercases and trims ISO codes and refuses anything else", () => {
    expect(normalizeCurrency(" USD ")).toBe("usd");
    expect(normalizeCurrency("us")).toBeNull();
    expect(normalizeCurrency("usd1")).toBeNull();
    expect(normalizeCurrency("$")).toBeNull();
  });
});

describe("parseMoney", () => {
  const parse = (value: string, currency: string, allowNegative = false) =>
    parseMoney({ value, currency, allowNegative });

  it.each([
    ["12.50", "usd", 1250],
    ["12.5", "usd", 1250],
    ["12", "usd", 1200],
    ["0.01", "usd", 1],
    ["1,234.56", "usd", 123456],
    ["  99.99 ", "EUR", 9999],
    ["1500", "jpy", 1500],
    ["1,500", "jpy", 1500],
    ["1500.00", "jpy", 1500],
    ["5.12", "kwd", 5120],
    ["5.120", "kwd", 5120],
    ["40", "isk", 4000],
    ["0", "usd", 0],
    ["90071992547409.91", "usd", 9007199254740991],
  ])("reads %s %s as %i minor units", (value, currency, amount) => {
    expect(parse(value, currency)).toEqual({ ok: true, money: { amount, currency: currency.toLowerCase() } });
  });

  it.each([
    ["12.345", "usd", "too_many_decimals", "USD allows at most 2 decimal places."],
    ["1500.5", "jpy", "too_many_decimals", "JPY has no decimal places: enter a whole number."],
    ["5.1234", "kwd", "too_many_decimals", "KWD allows at most 3 decimal places."],
    ["5.125", "kwd", "not_chargeable_step", expect.stringContaining("must end in 0")],
    ["40.10", "isk", "not_chargeable_step", expect.stringContaining("whole krónur")],
    ["-5", "usd", "negative", "The amount cannot be negative."],
    ["$12", "usd", "invalid_format", expect.stringContaining("no currency symbol")],
    ["12,50", "eur", "invalid_format", expect.stringContaining("12.50")],
    ["1,23.00", "usd", "invalid_format", expect.any(String)],
    ["1e3", "usd", "invalid_format", expect.any(String)],
    ["", "usd", "invalid_format", expect.any(String)],
    ["12.", "usd", "invalid_format", expect.any(String)],
    ["abc", "jpy", "invalid_format", "Enter an amount like 1500: digits only, no currency symbol."],
    ["10", "dollars", "invalid_currency", expect.any(String)],
    ["90071992547409.92", "usd", "too_large", "That amount is too large."],
  ])("refuses %s %s (%s)", (value, currency, code, message) => {
    expect(parse(value, currency)).toEqual({ ok: false, error: { code, message } });
  });

  it("accepts negatives only when asked to", () => {
    expect(parse("-5.25", "usd", true)).toEqual({ ok: true, money: { amount: -525, currency: "usd" } });
    expect(parse("-0", "usd", true)).toEqual({ ok: true, money: { amount: 0, currency: "usd" } });
  });

  it("reads back every amount it formats as a decimal string, exactly (no float drift)", () => {
    const currencies = fc.constantFrom("usd", "jpy", "kwd", "eur", "vnd");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), currencies, (raw, currency) => {
        const amount = raw - (raw % amountStep(currency));
        const parsed = parseMoney({ value: toDecimalString({ amount, currency }), currency });
        expect(parsed).toEqual({ ok: true, money: { amount, currency } });
      }),
    );
  });
});

describe("checkMoney", () => {
  it("accepts integer minor units in a lowercase currency", () => {
    expect(checkMoney({ amount: 1250, currency: "usd" })).toBeNull();
  });

  it.each([
    [{ amount: 12.5, currency: "usd" }, "not_integer"],
    [{ amount: 1250, currency: "USD" }, "invalid_currency"],
    [{ amount: -1, currency: "usd" }, "negative"],
    [{ amount: 5125, currency: "kwd" }, "not_chargeable_step"],
    [{ amount: Number.NaN, currency: "usd" }, "not_integer"],
  ])("refuses %o (%s)", (money, code) => {
    expect(checkMoney(money)?.code).toBe(code);
  });
});

describe("toDecimalString and formatMoney", () => {
  it.each([
    [{ amount: 1250, currency: "usd" }, "12.50"],
    [{ amount: 5, currency: "usd" }, "0.05"],
    [{ amount: -5, currency: "usd" }, "-0.05"],
    [{ amount: 1500, currency: "jpy" }, "1500"],
    [{ amount: 5120, currency: "kwd" }, "5.120"],
  ])("writes %o as %s", (money, text) => {
    expect(toDecimalString(money)).toBe(text);
  });

  // Intl puts a no-break space between a currency code and the number.
  it("formats for display with the currency's own decimals", () => {
    expect(formatMoney({ amount: 123456, currency: "usd" })).toBe("$1,234.56");
    expect(formatMoney({ amount: 1500, currency: "jpy" })).toBe("¥1,500");
    expect(formatMoney({ amount: 5120, currency: "kwd" })).toBe("KWD\u00a05.120");
    expect(formatMoney({ amount: 4000, currency: "isk" })).toBe("ISK\u00a040");
    expect(formatMoney({ amount: 123456, currency: "eur" }, "de-DE")).toBe("1.234,56\u00a0€");
  });

  it("formats amounts beyond float precision exactly", () => {
    expect(formatMoney({ amount: 9007199254740991, currency: "usd" })).toBe("$90,071,992,547,409.91");
  });
});
