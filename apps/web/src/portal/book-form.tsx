// Pick a service, a date and time and (where the business allows) a fieldworker; see the total; go to payment.
import type { AppRouter } from "@fieldpay/api/router";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { Money } from "@fieldpay/ui/money";
import { SelectField } from "@fieldpay/ui/select-field";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { type ErrorInfo, errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { usePortalSlug } from "./use-portal-business.ts";

type Options = inferRouterOutputs<AppRouter>["bookings"]["options"];
type Service = Options["services"][number];

function tomorrowIso(): string {
  const date = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local date and time the customer picked, as an instant; null when either is missing or invalid. */
function startsAt(date: string, time: string): Date | null {
  const value = new Date(`${date}T${time}`);
  return Number.isNaN(value.getTime()) ? null : value;
}

// Named as the api names them; the date and time fields together make `startsAt`.
const FIELDS = [
  { name: "serviceId", label: "Service" },
  { name: "startsAt", label: "Time" },
  { name: "fieldworkerId", label: "Fieldworker" },
] as const;

const MISSING_TIME: ErrorInfo = {
  message: "Choose a date and time.",
  fix: null,
  fieldErrors: { startsAt: ["Choose a date and time."] },
};

function Totals({ service }: { service: Service }) {
  return (
    <dl className="totals">
      <dt>Price</dt>
      <dd>
        <Money amount={service.price.amount} currency={service.price.currency} />
      </dd>
      <dt>Total to pay</dt>
      <dd className="total">
        <Money amount={service.price.amount} currency={service.price.currency} />
      </dd>
    </dl>
  );
}

function BookingFields({ options }: { options: Options }) {
  const slug = usePortalSlug();
  const navigate = useNavigate();
  const [serviceId, setServiceId] = useState("");
  const [missingTime, setMissingTime] = useState(false);
  const create = trpc.bookings.create.useMutation({
    onSuccess: ({ id }) => navigate(`/book/${slug}/bookings/${id}/pay`),
  });
  const form = formErrors("book", missingTime ? MISSING_TIME : errorInfo(create.error), FIELDS);
  const { services, fieldworkers, customersChooseFieldworker } = options;
  const chosen = services.find((s) => s.id === serviceId) ?? services[0];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const when = startsAt(String(data.get("date") ?? ""), String(data.get("time") ?? ""));
    setMissingTime(when === null);
    if (when === null || !chosen) return;
    const fieldworker = String(data.get("fieldworker") ?? "");
    create.mutate({
      serviceId: chosen.id,
      startsAt: when,
      ...(customersChooseFieldworker && { fieldworkerId: fieldworker || "any" }),
    });
  };

  return (
    <form className="card book-form" onSubmit={submit} noValidate>
      <h2>Your booking</h2>
      {!options.paymentsReady && (
        <Alert tone="warning" title="Online payment is not available yet">
          You can book, and pay once the business has set up card payments.
        </Alert>
      )}
      <ErrorSummary {...form.summary} />
      <SelectField
        {...form.field("serviceId")}
        name="service"
        value={chosen?.id ?? ""}
        onChange={(e) => setServiceId(e.target.value)}
        options={services.map((s) => ({ value: s.id, label: `${s.name} (${s.durationMinutes} min)` }))}
      />
      {chosen?.description && <p className="muted">{chosen.description}</p>}
      <div className="field-row">
        <TextField
          name="date"
          label="Date"
          type="date"
          defaultValue={tomorrowIso()}
          min={tomorrowIso()}
          required
        />
        <TextField {...form.field("startsAt")} name="time" type="time" defaultValue="09:00" required />
      </div>
      {customersChooseFieldworker && (
        <SelectField
          {...form.field("fieldworkerId")}
          name="fieldworker"
          defaultValue="any"
          options={[
            { value: "any", label: "Any available" },
            ...fieldworkers.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
      )}
      {chosen && <Totals service={chosen} />}
      <Button type="submit" busy={create.isPending} busyLabel="Booking…">
        Continue to payment
      </Button>
    </form>
  );
}

export function BookForm() {
  const options = trpc.bookings.options.useQuery();
  if (options.isPending) return <p className="muted">Loading services…</p>;
  if (options.isError) {
    return (
      <Alert tone="danger" title="Could not load the services">
        {options.error.message}
      </Alert>
    );
  }
  if (options.data.services.length === 0) {
    return (
      <EmptyState title="Nothing to book yet">
        This business has not listed any services online yet.
      </EmptyState>
    );
  }
  return <BookingFields options={options.data} />;
}
