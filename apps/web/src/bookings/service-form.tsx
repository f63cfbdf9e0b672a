import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { currencyName, maximumCharge, minimumCharge } from "@fieldpay/payments/money/limits";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import type { FormEvent } from "react";
import { errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { PlanFields, planFields, planValuesOf, useDepositKind } from "./plan-fields.tsx";
import type { DepositKind } from "./plan-words.ts";

type Service = inferRouterOutputs<AppRouter>["services"]["list"][number];

/** The service form's fields by their visible labels; the deposit's follows its kind and currency. */
export function serviceFields(depositKind: DepositKind, currency: string | undefined) {
  return [
    { name: "name", label: "Service name" },
    { name: "description", label: "Description" },
    { name: "price", label: "Price" },
    { name: "durationMinutes", label: "Duration (minutes)" },
    ...planFields(depositKind, currency),
    { name: "active", label: "Show on the booking page" },
  ] as const;
}

/** Stripe's limits on one card payment, said before anything is typed: "From $0.50 (… in US dollars) to …". */
export function priceHint(currency: string | undefined): string {
  if (!currency) return "In your currency, e.g. 45.00.";
  const show = (amount: number) => formatMoney(amount, currency);
  return `In ${currencyName(currency)}, e.g. 45.00: from ${show(minimumCharge(currency))} (Stripe's smallest card payment) to ${show(maximumCharge(currency))} (its largest).`;
}

/**
 * Adds a service, or changes the one being edited. Prices are typed in the business's currency; how customers pay
 * is the business default unless the service chooses its own.
 */
export function ServiceForm({
  editing,
  onDone,
  businessDefault,
}: {
  editing: Service | null;
  onDone: () => void;
  /** The business default plan in words, such as "In full when booking". */
  businessDefault: string;
}) {
  const utils = trpc.useUtils();
  const done = async () => {
    await utils.services.list.invalidate();
    onDone();
  };
  const create = trpc.services.create.useMutation({ onSuccess: done });
  const update = trpc.services.update.useMutation({ onSuccess: done });
  const mutation = editing ? update : create;
  const currency = trpc.paymentSettings.get.useQuery().data?.settings?.currency ?? editing?.price.currency;
  const initialPlan = {
    paymentPlan: editing?.paymentPlan ?? "business_default",
    depositKind: editing?.depositKind ?? null,
    depositValue: editing?.depositValue ?? null,
  } as const;
  const [depositKind, setDepositKind] = useDepositKind(initialPlan);
  const form = formErrors("service", errorInfo(mutation.error), serviceFields(depositKind, currency));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = {
      name: String(data.get("name") ?? ""),
      description: String(data.get("description") ?? ""),
      price: String(data.get("price") ?? ""),
      durationMinutes: Number(data.get("durationMinutes") ?? 0),
      active: data.get("active") === "on",
      ...planValuesOf(data),
    };
    if (editing) update.mutate({ ...values, id: editing.id });
    else create.mutate(values);
  };

  return (
    <form className="card service-form" onSubmit={submit} noValidate aria-labelledby="service-form-heading">
      <h2 id="service-form-heading">{editing ? `Edit ${editing.name}` : "Add a service"}</h2>
      <ErrorSummary {...form.summary} />
      <TextField {...form.field("name")} defaultValue={editing?.name ?? ""} />
      <TextField {...form.field("description")} defaultValue={editing?.description ?? ""} />
      <div className="field-row">
        <TextField
          {...form.field("price")}
          inputMode="decimal"
          defaultValue={editing?.priceDecimal ?? ""}
          hint={priceHint(currency)}
        />
        <TextField
          {...form.field("durationMinutes")}
          inputMode="numeric"
          defaultValue={editing ? String(editing.durationMinutes) : "60"}
        />
      </div>
      <PlanFields
        initial={initialPlan}
        businessDefault={businessDefault}
        field={form.field}
        depositKind={depositKind}
        onDepositKind={setDepositKind}
      />
      <CheckboxField {...form.field("active")} defaultChecked={editing?.active ?? true} />
      {create.isSuccess && !editing && <Alert tone="success" title={`Added ${create.data.name}`} />}
      <div className="actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
          {editing ? "Save changes" : "Add service"}
        </Button>
        {editing && (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
