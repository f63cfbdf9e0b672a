import { describe, expect, it } from "vitest";
import {
  amountStep,
  chargeLimitProblem,
  commissionCapProblem,
  maximumCharge,
  maximumFixedCommission,
  minimumCharge,
} from "./limits.ts";

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

describe("chargeLimitProblem", () => {
  it("says Stripe's smallest payment in the currency's own name", () => {
    expect(chargeLimitProblem(49, "usd")).toBe("Stripe's smallest card payment in US dollars is $0.50.");
    expect(chargeLimitProblem(49, "jpy")).toBe("Stripe's smallest card payment in Japanese yen is ¥50.");
    expect(chargeLimitProblem(29, "gbp")).toBe("Stripe's smallest card payment in British pounds is £0.30.");
  });

  it("says the largest single payment", () => {
    expect(chargeLimitProblem(100_000_000, "usd")).toBe(
      "Stripe takes at most $999,999.99 in one card payment.",
    );
  });

  it("has nothing to say within the limits", () => {
    expect([chargeLimitProblem(50, "usd"), chargeLimitProblem(99_999_999, "usd")]).toEqual([null, null]);
  });
});

describe("commissionCapProblem", () => {
  it("caps the percentage at 50% and the fixed part at a hundred minimum charges", () => {
    expect(commissionCapProblem({ basisPoints: 5_001, fixed: null }, "usd")?.field).toBe("percent");
    expect(commissionCapProblem({ basisPoints: 5_000, fixed: 5_000 }, "usd")).toBeNull();
    expect(commissionCapProblem({ basisPoints: 1_000, fixed: 5_001 }, "usd")?.message).toBe(
      "Keep the fixed part at $50.00 or less; for a larger share, raise the percentage.",
    );
    expect(maximumFixedCommission("jpy")).toBe(5_000);
  });
});
