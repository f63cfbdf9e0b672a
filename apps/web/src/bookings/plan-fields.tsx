// "How customers pay": the plan, and for a deposit whether it is a percentage or a fixed amount and how much.
// Used by the service form (with "Business default") and by the business default itself.
import { SelectField } from "@fieldpay/ui/select-field";
import { TextField } from "@fieldpay/ui/text-field";
import { useState } from "react";
import type { FieldProps, FormField } from "../lib/errors.ts";
import { type DepositKind, HOLD_NOTE, PLAN_LABEL, PLANS, type ServicePlan } from "./plan-words.ts";

export interface PlanValues {
  paymentPlan: ServicePlan;
  depositKind: DepositKind | null;
  depositValue: string | null;
}

const HINT: Partial<Record<ServicePlan, string>> = {
  deposit:
    "The customer pays the deposit when booking; the balance is charged to the same card once the job is done.",
  card_on_file: "The customer saves a card when booking; nothing is charged until the job is marked done.",
  authorize: `The price is held on the card when booking and captured when the job is done. ${HOLD_NOTE}`,
};

const DEPOSIT_KINDS = [
  { value: "percent", label: "A percentage of the price" },
  { value: "amount", label: "A fixed amount" },
];

function servicePlanOf(value: string): ServicePlan {
  return PLANS.find((p) => p === value) ?? "business_default";
}

/** The form's plan fields, read back from its FormData. */
export function planValuesOf(data: FormData): PlanValues {
  const paymentPlan = servicePlanOf(String(data.get("paymentPlan") ?? ""));
  if (paymentPlan !== "deposit") return { paymentPlan, depositKind: null, depositValue: null };
  const depositKind = data.get("depositKind") === "amount" ? "amount" : "percent";
  return { paymentPlan, depositKind, depositValue: String(data.get("depositValue") ?? "").trim() };
}

export type PlanFieldName = "paymentPlan" | "depositKind" | "depositValue";

/** "$" for usd, "€" for eur, "CA$" for cad: the currency as a price shows it. */
function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value ?? currency.toUpperCase();
}

/** The deposit field's visible label: "Deposit (%)", or "Deposit ($)" in the business's currency. */
export function depositLabel(kind: DepositKind, currency: string | undefined): string {
  if (kind === "percent") return "Deposit (%)";
  return currency ? `Deposit (${currencySymbol(currency)})` : "Deposit (amount)";
}

/**
 * The plan fields as the form labels them and its error summary names them (see formErrors): the deposit's label
 * follows the kind chosen, so the summary always names the field exactly as it reads.
 */
export function planFields(
  kind: DepositKind,
  currency: string | undefined,
): ReadonlyArray<FormField<PlanFieldName>> {
  return [
    { name: "paymentPlan", label: "How customers pay" },
    { name: "depositKind", label: "Deposit as" },
    // The api's deposit checks speak of "a deposit" without always naming the field.
    { name: "depositValue", label: depositLabel(kind, currency), mentions: /\bdeposit\b/i },
  ];
}

/** The deposit kind a form shows, kept by the form so its field labels (planFields) follow it. */
export function useDepositKind(initial: PlanValues) {
  return useState<DepositKind>(initial.depositKind ?? "percent");
}

export function PlanFields(props: {
  initial: PlanValues;
  /** The business default in words, for a service; left out where the default itself is chosen. */
  businessDefault?: string;
  /** The form's field props (ids, labels, messages) from formErrors with planFields(depositKind). */
  field: (name: PlanFieldName) => FieldProps;
  /** The deposit kind shown, from useDepositKind. */
  depositKind: DepositKind;
  onDepositKind: (kind: DepositKind) => void;
}) {
  const [plan, setPlan] = useState<ServicePlan>(props.initial.paymentPlan);
  const kind = props.depositKind;
  const setKind = props.onDepositKind;
  const options = [
    ...(props.businessDefault !== undefined
      ? [{ value: "business_default", label: `Business default (${props.businessDefault})` }]
      : []),
    ...PLANS.map((p) => ({ value: p, label: PLAN_LABEL[p] })),
  ];
  return (
    <>
      <SelectField
        {...props.field("paymentPlan")}
        value={plan}
        onChange={(e) => setPlan(servicePlanOf(e.target.value))}
        options={options}
        hint={HINT[plan]}
      />
      {plan === "deposit" && (
        <div className="field-row">
          <SelectField
            {...props.field("depositKind")}
            value={kind}
            onChange={(e) => setKind(e.target.value === "amount" ? "amount" : "percent")}
            options={DEPOSIT_KINDS}
          />
          <TextField
            key={kind}
            {...props.field("depositValue")}
            inputMode="decimal"
            defaultValue={kind === props.initial.depositKind ? (props.initial.depositValue ?? "") : ""}
            hint={
              kind === "percent"
                ? "From 1 to 99, like 50. The deposit and the balance after the job are each a card payment, so each must reach Stripe's smallest charge."
                : "In your currency, like 25.00: at least Stripe's smallest charge, and less than the price."
            }
          />
        </div>
      )}
    </>
  );
}
