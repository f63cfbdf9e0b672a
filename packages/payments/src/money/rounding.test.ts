import { describe, expect, it } from "vitest";
import { roundHalfUpToStep } from "./rounding.ts";

describe("roundHalfUpToStep", () => {
  it("rounds half up, to the step", () => {
    expect(roundHalfUpToStep(5n, 2n, 1n)).toBe(3n);
    expect(roundHalfUpToStep(7n, 2n, 1n)).toBe(4n);
    expect(roundHalfUpToStep(149n, 100n, 1n)).toBe(1n);
    expect(roundHalfUpToStep(150n, 1n, 100n)).toBe(200n);
    expect(roundHalfUpToStep(149n, 1n, 100n)).toBe(100n);
    expect(roundHalfUpToStep(15n, 1n, 10n)).toBe(20n);
    expect(roundHalfUpToStep(0n, 3n, 10n)).toBe(0n);
  });

  it("is exact beyond what a float holds", () => {
    expect(roundHalfUpToStep(9_007_199_254_740_993n * 3n, 3n, 1n)).toBe(9_007_199_254_740_993n);
  });

  it("refuses negative shares and empty wholes", () => {
    expect(() => roundHalfUpToStep(-1n, 2n, 1n)).toThrow(RangeError);
    expect(() => roundHalfUpToStep(1n, 0n, 1n)).toThrow(RangeError);
  });
});
