import { describe, expect, it } from "vitest";
import { minorUnitExponent, toDecimalString } from "./minor-units.ts";

describe("minorUnitExponent", () => {
  it.each([
    ["usd", 2],
    ["EUR", 2],
    ["jpy", 0],
    ["krw", 0],
    ["KRW", 0],
    ["vnd", 0],
    ["clp", 0],
    ["xof", 0],
    ["UGX", 0],
    ["bhd", 3],
    ["jod", 3],
    ["kwd", 3],
    ["OMR", 3],
    ["tnd", 3],
    ["isk", 2],
    ["gbp", 2],
  ] as const)("%s has %i decimals", (currency, exponent) => {
    expect(minorUnitExponent(currency)).toBe(exponent);
  });
});

describe("toDecimalString", () => {
  it.each([
    [1250, "usd", "12.50"],
    [5, "usd", "0.05"],
    [-5, "usd", "-0.05"],
    [1500, "jpy", "1500"],
    [5120, "kwd", "5.120"],
    [9007199254740991, "usd", "90071992547409.91"],
  ] as const)("writes %i %s as %s", (amount, currency, text) => {
    expect(toDecimalString(amount, currency)).toBe(text);
  });

  it("refuses amounts that are not integer minor units", () => {
    expect(() => toDecimalString(12.5, "usd")).toThrow(RangeError);
    expect(() => toDecimalString(Number.NaN, "usd")).toThrow(RangeError);
  });
});
