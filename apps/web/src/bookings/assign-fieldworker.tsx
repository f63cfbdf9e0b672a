// The admin gives an unpaid booking to a fieldworker; the customer's next payment goes to them.
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { SelectField } from "@fieldpay/ui/select-field";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";

export function AssignFieldworker({ bookingId, current }: { bookingId: string; current: string | null }) {
  const fieldworkers = trpc.bookings.assignableFieldworkers.useQuery();
  const utils = trpc.useUtils();
  const [choice, setChoice] = useState(current ?? "");
  const assign = trpc.bookings.assignFieldworker.useMutation({
    onSuccess: () => utils.bookings.invalidate(),
  });
  const error = errorInfo(assign.error);
  if (!fieldworkers.data || fieldworkers.data.length === 0) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice) assign.mutate({ bookingId, fieldworkerId: choice });
  };
  return (
    <form className="card service-form" onSubmit={submit} noValidate>
      <h2>Fieldworker</h2>
      <SelectField
        label="Assign to"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        placeholder="Choose a fieldworker"
        options={fieldworkers.data.map((f) => ({ value: f.id, label: f.name }))}
        hint="Until the booking is paid. In Stripe Connect mode only fieldworkers whose Stripe account can be paid are listed."
      />
      <FormError message={error?.message} fix={error?.fix ?? undefined} />
      <Button type="submit" variant="secondary" busy={assign.isPending} busyLabel="Assigning…">
        Assign
      </Button>
    </form>
  );
}
