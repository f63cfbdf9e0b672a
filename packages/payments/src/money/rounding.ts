// The one rounding of money fieldpay does (commissions, deposits, the parts of a refund): exact integer
// arithmetic, half-up, once. Imports nothing, so the browser can show the same numbers the server charges.

/**
 * numerator / denominator minor units, rounded half-up to a multiple of `step`. Both must be non-negative and the
 * denominator positive: every split rounds a share of an amount, never a debt.
 */
export function roundHalfUpToStep(numerator: bigint, denominator: bigint, step: bigint): bigint {
  if (numerator < 0n || denominator <= 0n || step <= 0n) {
    throw new RangeError("roundHalfUpToStep: a non-negative share of a positive whole, in positive steps");
  }
  const unit = denominator * step;
  // Half-up for a non-negative quotient: floor((2x + unit) / (2 unit)).
  return ((2n * numerator + unit) / (2n * unit)) * step;
}
