// "How customers pay": the plan, and for a deposit whether it is a percentage or a fixed amount and how much.
// Used by the service form (with "Business default") and by the business default itself.
import { SelectField } from "@fieldpay/ui/select-field";
import { TextField } from "@fieldpay/ui/text-field";
import { useState } from "react";
import { type ErrorInfo, errorAtField } from "../lib/errors.ts";
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

export function PlanFields(props: {
  initial: PlanValues;
  /** The business default in words, for a service; left out where the default itself is chosen. */
  businessDefault?: string;
  error: ErrorInfo | null;
}) {
  const [plan, setPlan] = useState<ServicePlan>(props.initial.paymentPlan);
  const [kind, setKind] = useState<DepositKind>(props.initial.depositKind ?? "percent");
  const errors = planErrors(props.error);
  const options = [
    ...(props.businessDefault !== undefined
      ? [{ value: "business_default", label: `Business default (${props.businessDefault})` }]
      : []),
    ...PLANS.map((p) => ({ value: p, label: PLAN_LABEL[p] })),
  ];
  return (
    <>
      <SelectField
        name="paymentPlan"
        label="How customers pay"
        value={plan}
        onChange={(e) => setPlan(servicePlanOf(e.target.value))}
        options={options}
        hint={HINT[plan]}
        error={errors.plan}
      />
      {plan === "deposit" && (
        <div className="field-row">
          <SelectField
            name="depositKind"
            label="Deposit as"
            value={kind}
            onChange={(e) => setKind(e.target.value === "amount" ? "amount" : "percent")}
            options={DEPOSIT_KINDS}
            error={errors.depositKind}
          />
          <TextField
            key={kind}
            name="depositValue"
            label={kind === "percent" ? "Deposit (%)" : "Deposit"}
            inputMode="decimal"
            defaultValue={kind === props.initial.depositKind ? (props.initial.depositValue ?? "") : ""}
            hint={kind === "percent" ? "From 1 to 99, like 50." : "In your currency, like 25.00."}
            error={errors.deposit}
          />
        </div>
      )}
    </>
  );
}

/** The api's problems with the plan fields, to show beside them (the form shows any other problem above its button). */
export function planErrors(error: ErrorInfo | null) {
  return {
    plan: errorAtField(error, "paymentPlan", "How customers pay"),
    depositKind: errorAtField(error, "depositKind", "Deposit as"),
    deposit: errorAtField(error, "depositValue", "Deposit", /\bdeposit\b/i),
  };
}
