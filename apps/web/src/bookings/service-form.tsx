import type { AppRouter } from "@fieldpay/api/router";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { FormError } from "@fieldpay/ui/form-error";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import type { FormEvent } from "react";
import { errorAtField, errorInfo, firstFieldError } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { PlanFields, planErrors, planValuesOf } from "./plan-fields.tsx";

type Service = inferRouterOutputs<AppRouter>["services"]["list"][number];

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
  const error = errorInfo(mutation.error);
  const priceError = errorAtField(error, "price", "Price");
  const placed = priceError ?? Object.values(planErrors(error)).find(Boolean);

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
      <TextField
        name="name"
        label="Service name"
        defaultValue={editing?.name ?? ""}
        error={firstFieldError(error, "name")}
      />
      <TextField name="description" label="Description" defaultValue={editing?.description ?? ""} />
      <div className="field-row">
        <TextField
          name="price"
          label="Price"
          inputMode="decimal"
          defaultValue={editing?.priceDecimal ?? ""}
          hint="In your currency, e.g. 45.00."
          error={priceError}
        />
        <TextField
          name="durationMinutes"
          label="Duration (minutes)"
          inputMode="numeric"
          defaultValue={editing ? String(editing.durationMinutes) : "60"}
          error={firstFieldError(error, "durationMinutes")}
        />
      </div>
      <PlanFields
        initial={{
          paymentPlan: editing?.paymentPlan ?? "business_default",
          depositKind: editing?.depositKind ?? null,
          depositValue: editing?.depositValue ?? null,
        }}
        businessDefault={businessDefault}
        error={error}
      />
      <CheckboxField
        name="active"
        label="Show on the booking page"
        defaultChecked={editing?.active ?? true}
      />
      {!placed && <FormError message={error?.message} fix={error?.fix ?? undefined} />}
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
