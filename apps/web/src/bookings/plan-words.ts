// How customers pay, in the words the product guide and the issue use; one place for the service form, the
// business default, the services list and the booking pages.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { minorUnitExponent } from "@fieldpay/payments/money/minor-units";
import type { inferRouterOutputs } from "@trpc/server";

type Service = inferRouterOutputs<AppRouter>["services"]["list"][number];
export type ServicePlan = Service["paymentPlan"];
export type Plan = Exclude<ServicePlan, "business_default">;
export type DepositKind = "percent" | "amount";

export const PLAN_LABEL: Readonly<Record<Plan, string>> = {
  full: "In full when booking",
  deposit: "Deposit when booking, balance after the job",
  card_on_file: "Card on file, charged after the job",
  authorize: "Authorize when booking, capture after the job",
};

export const PLANS = Object.keys(PLAN_LABEL) as Plan[];

/** Shown under the choice of "Authorize": what a hold can and cannot do. */
export const HOLD_NOTE =
  "Card holds last about 7 days, so jobs more than 5 days away keep the card on file instead and are charged after the job.";

/** "50% deposit" or "$25.00 deposit"; null when the plan has no deposit. */
export function depositWords(
  kind: DepositKind | null,
  value: string | null,
  currency: string | undefined,
): string | null {
  if (!kind || !value) return null;
  if (kind === "percent") return `${value}% deposit`;
  return `${currency ? formatAmount(value, currency) : value} deposit`;
}

// The api gives a fixed deposit back as a decimal string in the currency's own digits ("25.00", "500", "1.500").
function formatAmount(value: string, currency: string): string {
  const minor = Math.round(Number(value) * 10 ** minorUnitExponent(currency));
  return Number.isFinite(minor) ? formatMoney(minor, currency) : value;
}

/** One plan in a line, with its deposit: "Deposit when booking, balance after the job (50% deposit)". */
export function planLine(plan: Plan, kind: DepositKind | null, value: string | null, currency?: string) {
  const deposit = plan === "deposit" ? depositWords(kind, value, currency) : null;
  return deposit ? `${PLAN_LABEL[plan]} (${deposit})` : PLAN_LABEL[plan];
}
