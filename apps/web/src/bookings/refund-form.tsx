// Full or partial refund of one of the booking's charges (the latest with something left, unless the admin picks
// another). For Stripe Connect both decisions are explicit, with what each one means.

import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { FormError } from "@fieldpay/ui/form-error";
import { SelectField } from "@fieldpay/ui/select-field";
import { statusWords } from "@fieldpay/ui/status-pill";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { errorInfo, firstFieldError } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { formatWhen } from "./booking-status.tsx";
import { type BookingView, ledgerLineLabel, refundableCharges } from "./ledger-words.ts";

type Payment = NonNullable<inferRouterOutputs<AppRouter>["bookings"]["get"]["payment"]>;

/** Stripe Connect refunds decide both explicitly: the business's commission and the fieldworker's share. */
function ConnectChoices({ destination }: { destination: boolean }) {
  return (
    <>
      <CheckboxField
        name="refundApplicationFee"
        label="Give back your commission"
        defaultChecked
        hint="Refunds your application fee in proportion to the refund (refund_application_fee). Unticked, you keep your commission on the refunded amount."
      />
      {destination && (
        <CheckboxField
          name="reverseTransfer"
          label="Take the refund back from the fieldworker"
          defaultChecked
          hint="Reverses the transfer to the fieldworker's Stripe account in proportion to the refund (reverse_transfer). Unticked, your business pays the whole refund from its own balance and the fieldworker keeps their share."
        />
      )}
      {!destination && (
        <p className="muted">
          This payment was made on the fieldworker's own Stripe account, so the refund comes out of their
          balance.
        </p>
      )}
    </>
  );
}

export function RefundForm({ booking, payment }: { booking: BookingView; payment: Payment }) {
  const bookingId = booking.id;
  const charges = refundableCharges(booking.ledger.lines);
  const [chargeId, setChargeId] = useState(charges[0]?.line.paymentId ?? "");
  // One id per form: a resubmitted (or retried) form refunds once; after a success the next refund gets a new one.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const utils = trpc.useUtils();
  const refund = trpc.bookings.refund.useMutation({
    onSuccess: async () => {
      setRequestId(crypto.randomUUID());
      await utils.bookings.invalidate();
    },
  });
  const error = errorInfo(refund.error);
  const connect = payment.chargeType !== "direct";
  const destination = payment.chargeType === "destination";
  const chosen = charges.find((c) => c.line.paymentId === chargeId) ?? charges[0];
  const left = chosen ? formatMoney(chosen.left.amount, chosen.left.currency) : "";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    refund.mutate({
      bookingId,
      requestId,
      ...(chosen && { paymentId: chosen.line.paymentId }),
      amount: String(data.get("amount") ?? "").trim() || undefined,
      ...(connect && {
        refundApplicationFee: data.get("refundApplicationFee") === "on",
        reverseTransfer: destination && data.get("reverseTransfer") === "on",
      }),
    });
  };
  return (
    <form className="card refund-form" onSubmit={submit} noValidate>
      <h2>Refund</h2>
      {charges.length > 1 && (
        <SelectField
          name="paymentId"
          label="Refund from"
          value={chosen?.line.paymentId ?? ""}
          onChange={(e) => {
            setChargeId(e.target.value);
            setRequestId(crypto.randomUUID());
          }}
          options={charges.map((c) => ({
            value: c.line.paymentId,
            label: `${ledgerLineLabel(c.line, booking.plan.plan)} on ${formatWhen(c.line.occurredAt)}: ${formatMoney(c.left.amount, c.left.currency)} left`,
          }))}
          error={firstFieldError(error, "paymentId")}
        />
      )}
      <TextField
        name="amount"
        label="Amount to refund"
        inputMode="decimal"
        hint={`Leave empty to refund everything not refunded yet of this charge (${left}).`}
        error={firstFieldError(error, "amount")}
      />
      {connect && <ConnectChoices destination={destination} />}
      <FormError message={error?.message} fix={error?.fix ?? undefined} />
      {refund.isSuccess && (
        <Alert tone="success" title="Refund sent to Stripe">
          {formatMoney(refund.data.amount.amount, refund.data.amount.currency)} (
          {statusWords("refund", refund.data.status).label.toLowerCase()}). The customer's bank usually shows
          it within 5 to 10 business days.
        </Alert>
      )}
      <Button type="submit" variant="danger" busy={refund.isPending} busyLabel="Refunding…">
        Refund
      </Button>
    </form>
  );
}
