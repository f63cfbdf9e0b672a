import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitCharge } from "./fees.ts";
import { amountStep } from "./money/limits.ts";

const usd = (amount: number) => ({ amount, currency: "usd" });

describe("splitCharge examples", () => {
  it.each([
    // [charge, basis points, fixed, fee]
    [10_000, 1000, 0, 1000], // 10% of $100.00
    [10_000, 250, 30, 280], // 2.5% + 30¢
    [1999, 1000, 0, 200], // 199.9 -> 200
    [1995, 1000, 0, 200], // 199.5 -> 200 (half up)
    [1994, 1000, 0, 199], // 199.4 -> 199
    [5, 1000, 0, 1], // 0.5 -> 1
    [4, 1000, 0, 0], // 0.4 -> 0
    [1, 5000, 0, 1], // 0.5 -> 1, still within the charge
    [100, 0, 0, 0],
    [100, 10_000, 0, 100], // 100%
  ])("%i¢ at %i bps + %i¢ -> fee %i¢", (charge, basisPoints, fixed, fee) => {
    expect(splitCharge({ charge: usd(charge), rule: { basisPoints, fixed: usd(fixed) } })).toEqual({
      ok: true,
      applicationFee: usd(fee),
      fieldworkerNet: usd(charge - fee),
      capped: false,
    });
  });

  it("rounds once: 44.9 fils rounds to 40, where rounding to 45 first and then to a step of 10 gives 50", () => {
    const result = splitCharge({ charge: { amount: 1000, currency: "kwd" }, rule: { basisPoints: 449 } });
    expect(result.ok && result.applicationFee).toEqual({ amount: 40, currency: "kwd" });
  });

  it("takes JPY in whole yen", () => {
    expect(splitCharge({ charge: { amount: 3333, currency: "jpy" }, rule: { basisPoints: 1500 } })).toEqual({
      ok: true,
      applicationFee: { amount: 500, currency: "jpy" }, // 499.95 yen -> 500
      fieldworkerNet: { amount: 2833, currency: "jpy" },
      capped: false,
    });
    const withFixed = splitCharge({
      charge: { amount: 5000, currency: "jpy" },
      rule: { basisPoints: 360, fixed: { amount: 40, currency: "jpy" } },
    });
    expect(withFixed.ok && withFixed.applicationFee).toEqual({ amount: 220, currency: "jpy" }); // 180 + 40
  });

  it("keeps three-decimal fees on Stripe's step of 10 (KWD)", () => {
    const result = splitCharge({ charge: { amount: 12_340, currency: "kwd" }, rule: { basisPoints: 1000 } });
    expect(result.ok && result.applicationFee).toEqual({ amount: 1230, currency: "kwd" }); // 1234 -> 1230
  });

  it("caps a fee larger than the charge at the charge, and says so", () => {
    expect(splitCharge({ charge: usd(50), rule: { basisPoints: 1000, fixed: usd(100) } })).toEqual({
      ok: true,
      applicationFee: usd(50),
      fieldworkerNet: usd(0),
      capped: true,
    });
  });

  it.each([
    [{ basisPoints: -1 }, "invalid_rule"],
    [{ basisPoints: 10_001 }, "invalid_rule"],
    [{ basisPoints: 2.5 }, "invalid_rule"],
    [{ basisPoints: 100, fixed: usd(-30) }, "invalid_rule"],
    [{ basisPoints: 100, fixed: { amount: 30, currency: "eur" } }, "currency_mismatch"],
  ])("refuses the rule %o", (rule, code) => {
    const result = splitCharge({ charge: usd(1000), rule });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it("refuses a charge that is not integer minor units", () => {
    const result = splitCharge({ charge: usd(10.5), rule: { basisPoints: 100 } });
    expect(result.ok ? null : result.error.code).toBe("invalid_amount");
  });
});

// A reference written differently: exact rational fee compared as fractions, rounded half-up by comparison.
function referenceFee(amount: number, basisPoints: number, fixed: number, step: number): number {
  const exact = BigInt(amount) * BigInt(basisPoints) + BigInt(fixed) * 10_000n; // fee × 10 000
  const unit = 10_000n * BigInt(step);
  const whole = exact / unit;
  const remainder = exact - whole * unit;
  const steps = remainder * 2n >= unit ? whole + 1n : whole;
  const fee = Number(steps) * step;
  return Math.min(fee, amount);
}

describe("splitCharge properties", () => {
  const currency = fc.constantFrom("usd", "jpy", "kwd", "isk", "eur");
  const rule = fc.record({
    basisPoints: fc.integer({ min: 0, max: 10_000 }),
    fixedUnits: fc.integer({ min: 0, max: 100_000 }),
  });
  const charge = fc.integer({ min: 0, max: 10_000_000_000 });

  it("rounds half-up exactly once and stays within [0, charge]; fee + net = charge", () => {
    fc.assert(
      fc.property(charge, currency, rule, (rawAmount, cur, { basisPoints, fixedUnits }) => {
        const step = amountStep(cur);
        const amount = rawAmount - (rawAmount % step);
        const fixed = fixedUnits - (fixedUnits % step);
        const result = splitCharge({
          charge: { amount, currency: cur },
          rule: { basisPoints, fixed: { amount: fixed, currency: cur } },
        });
        if (!result.ok) throw new Error(result.error.message);
        const fee = result.applicationFee.amount;
        expect(fee).toBe(referenceFee(amount, basisPoints, fixed, step));
        expect(fee).toBeGreaterThanOrEqual(0);
        expect(fee).toBeLessThanOrEqual(amount);
        expect(fee % step).toBe(0);
        expect(fee + result.fieldworkerNet.amount).toBe(amount);
        expect(Number.isInteger(fee)).toBe(true);
      }),
    );
  });

  it("never charges a bigger fee on a smaller booking (monotone in the amount)", () => {
    fc.assert(
      fc.property(charge, charge, rule, (a, b, { basisPoints, fixedUnits }) => {
        const fee = (amount: number) => {
          const result = splitCharge({ charge: usd(amount), rule: { basisPoints, fixed: usd(fixedUnits) } });
          return result.ok ? result.applicationFee.amount : Number.NaN;
        };
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(fee(low)).toBeLessThanOrEqual(fee(high));
      }),
    );
  });

  it("is off from the exact fee by at most half a step unless capped", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), rule, (amount, { basisPoints, fixedUnits }) => {
        const result = splitCharge({ charge: usd(amount), rule: { basisPoints, fixed: usd(fixedUnits) } });
        if (!result.ok || result.capped) return;
        const exactTimes10k = amount * basisPoints + fixedUnits * 10_000;
        const errorTimes10k = Math.abs(result.applicationFee.amount * 10_000 - exactTimes10k);
        expect(errorTimes10k).toBeLessThanOrEqual(5000);
      }),
    );
  });
});
