import { describe, expect, it } from "vitest";
import { amountStep, maximumCharge, minimumCharge } from "./limits.ts";

describe("amountStep", () => {
  it("knows Stripe's step for three-decimal currencies and ISK", () => {
    expect([amountStep("usd"), amountStep("kwd"), amountStep("isk"), amountStep("jpy")]).toEqual([
      1, 10, 100, 1,
    ]);
  });
});

describe("minimumCharge", () => {
  it.each([
    ["usd", 50],
    ["USD", 50],
    ["gbp", 30],
    ["huf", 17500],
    ["jpy", 50],
    ["czk", 1500],
    ["thb", 1000],
    ["aed", 200],
  ] as const)("%s: Stripe's table says %i", (currency, minimum) => {
    expect(minimumCharge(currency)).toBe(minimum);
  });

  it("uses half a major unit outside the table, in the currency's own decimals and step", () => {
    expect(minimumCharge("kwd")).toBe(500);
    expect(minimumCharge("bhd")).toBe(500);
    expect(minimumCharge("zar")).toBe(50);
    expect(minimumCharge("krw")).toBe(50);
    expect(minimumCharge("isk")).toBe(100);
  });

  it("is always a chargeable amount (on the currency's step)", () => {
    for (const currency of ["usd", "kwd", "isk", "jpy", "huf", "omr", "vnd"]) {
      expect(minimumCharge(currency) % amountStep(currency)).toBe(0);
    }
  });
});

describe("maximumCharge", () => {
  it("is eight digits of minor units, brought down to the step", () => {
    expect(maximumCharge("usd")).toBe(99_999_999);
    expect(maximumCharge("jpy")).toBe(99_999_999);
    expect(maximumCharge("kwd")).toBe(99_999_990);
    expect(maximumCharge("isk")).toBe(99_999_900);
  });
});
