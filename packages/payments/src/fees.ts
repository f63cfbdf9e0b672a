import { amountStep } from "./money/limits.ts";
import { roundHalfUpToStep } from "./money/rounding.ts";
import { checkMoney, type Money } from "./money.ts";

/** The business's commission on a booking: a percentage in basis points (1% = 100) plus an optional fixed part. */
export interface FeeRule {
  readonly basisPoints: number;
  /** In the charge's currency; a rule priced in another currency is refused rather than converted. */
  readonly fixed?: Money;
}

export type FeeProblemCode = "invalid_rule" | "invalid_amount" | "currency_mismatch";

export type FeeResult =
  | {
      ok: true;
      /** What the business keeps (Stripe's application_fee_amount). */
      applicationFee: Money;
      /** What reaches the fieldworker's connected account. */
      fieldworkerNet: Money;
      /** True when the rule asked for more than the whole charge and the fee was cut to the charge amount. */
      capped: boolean;
    }
  | { ok: false; error: { code: FeeProblemCode; message: string } };

const BASIS_POINTS_PER_WHOLE = 10_000n;

/**
 * Splits a charge into the business's application fee and the fieldworker's net. The exact fee
 * (amount × bps / 10 000 + fixed) is rounded half-up exactly once, in integer arithmetic, to the smallest amount
 * Stripe accepts in that currency, then kept within [0, charge]. The fieldworker gets the rest, so the two
 * always add up to the charge. (Stripe's own processing fee comes out of the business's share on destination
 * charges and out of the connected account on direct charges; it is not part of this split.)
 */
export function splitCharge(input: { charge: Money; rule: FeeRule }): FeeResult {
  const { charge, rule } = input;
  const chargeProblem = checkMoney(charge);
  if (chargeProblem !== null) return fail("invalid_amount", chargeProblem.message);
  const ruleProblem = checkRule(rule, charge.currency);
  if (ruleProblem !== null) return ruleProblem;

  const step = BigInt(amountStep(charge.currency));
  const amount = BigInt(charge.amount);
  const exactTimesWhole =
    amount * BigInt(rule.basisPoints) + BigInt(rule.fixed?.amount ?? 0) * BASIS_POINTS_PER_WHOLE;
  const rounded = roundHalfUpToStep(exactTimesWhole, BASIS_POINTS_PER_WHOLE, step);
  const capped = rounded > amount;
  const fee = capped ? amount : rounded;
  return {
    ok: true,
    applicationFee: { amount: Number(fee), currency: charge.currency },
    fieldworkerNet: { amount: Number(amount - fee), currency: charge.currency },
    capped,
  };
}

function checkRule(rule: FeeRule, currency: string): FeeResult | null {
  if (!Number.isInteger(rule.basisPoints) || rule.basisPoints < 0 || rule.basisPoints > 10_000) {
    return fail(
      "invalid_rule",
      "The commission percentage must be between 0% and 100% (0 to 10000 basis points).",
    );
  }
  if (rule.fixed === undefined) return null;
  const fixedProblem = checkMoney(rule.fixed);
  if (fixedProblem !== null) return fail("invalid_rule", `Fixed commission: ${fixedProblem.message}`);
  if (rule.fixed.currency !== currency) {
    return fail(
      "currency_mismatch",
      `The fixed commission is in ${rule.fixed.currency.toUpperCase()} but the booking is charged in ${currency.toUpperCase()}.`,
    );
  }
  return null;
}

function fail(code: FeeProblemCode, message: string): FeeResult {
  return { ok: false, error: { code, message } };
}
