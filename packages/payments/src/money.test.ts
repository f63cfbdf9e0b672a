import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountStep } from "./money/limits.ts";
import { toDecimalString } from "./money/minor-units.ts";
import { checkMoney, normalizeCurrency, parseMoney } from "./money.ts";

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
        const parsed = parseMoney({ value: toDecimalString(amount, currency), currency });
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
