// The booking page's preferences: whether customers choose their fieldworker, and how customers pay for services
// that do not choose their own plan (the business default). Each save sends all of them.
import type { AppRouter } from "@fieldpay/api/router";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { FormError } from "@fieldpay/ui/form-error";
import type { inferRouterOutputs } from "@trpc/server";
import type { FormEvent } from "react";
import { errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { PlanFields, planFields, planValuesOf, useDepositKind } from "./plan-fields.tsx";
import type { Plan } from "./plan-words.ts";

type Prefs = inferRouterOutputs<AppRouter>["services"]["preferences"];

function DefaultPlanForm({ prefs }: { prefs: Prefs }) {
  const utils = trpc.useUtils();
  const save = trpc.services.setPreferences.useMutation({
    onSuccess: (data) => utils.services.preferences.setData(undefined, data),
  });
  const initialPlan = {
    paymentPlan: prefs.paymentPlan,
    depositKind: prefs.depositKind,
    depositValue: prefs.depositValue,
  };
  const [depositKind, setDepositKind] = useDepositKind(initialPlan);
  const currency = trpc.paymentSettings.get.useQuery().data?.settings?.currency;
  const form = formErrors("default-plan", errorInfo(save.error), planFields(depositKind, currency));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = planValuesOf(new FormData(event.currentTarget));
    // The business default is a plan of its own ("business default" is only for services).
    const paymentPlan: Plan = values.paymentPlan === "business_default" ? "full" : values.paymentPlan;
    save.mutate({ ...values, paymentPlan, customersChooseFieldworker: prefs.customersChooseFieldworker });
  };
  return (
    <form className="service-form" onSubmit={submit} noValidate aria-labelledby="default-plan-heading">
      <div>
        <h3 id="default-plan-heading">Business default</h3>
        <p className="muted">
          For every service set to “Business default”. A booking keeps the plan it was made under.
        </p>
      </div>
      <ErrorSummary {...form.summary} />
      <PlanFields
        initial={initialPlan}
        field={form.field}
        depositKind={depositKind}
        onDepositKind={setDepositKind}
      />
      {save.isSuccess && <Alert tone="success" title="Business default saved" />}
      <div className="actions">
        <Button type="submit" variant="secondary" busy={save.isPending} busyLabel="Saving…">
          Save business default
        </Button>
      </div>
    </form>
  );
}

export function Preferences() {
  const prefs = trpc.services.preferences.useQuery();
  const utils = trpc.useUtils();
  const save = trpc.services.setPreferences.useMutation({
    onSuccess: (data) => utils.services.preferences.setData(undefined, data),
  });
  if (!prefs.data) return null;
  const current = prefs.data;
  return (
    <section className="card">
      <h2>Booking page</h2>
      <CheckboxField
        label="Customers choose their fieldworker"
        hint="In Stripe Connect mode. When off, each booking goes to the first fieldworker who can be paid."
        checked={current.customersChooseFieldworker}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ ...current, customersChooseFieldworker: e.target.checked })}
      />
      <FormError message={errorInfo(save.error)?.message} fix={errorInfo(save.error)?.fix ?? undefined} />
      <DefaultPlanForm prefs={current} />
    </section>
  );
}
