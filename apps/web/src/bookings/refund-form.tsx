// The refund dialog: which charge (the latest with something left, unless the admin picks another), how much
// (what is left by default), why (Stripe's reasons), and in Stripe Connect who gives back what; then a
// confirmation showing what each side gives back, computed by the api, before anything is sent to Stripe.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { SelectField } from "@fieldpay/ui/select-field";
import { statusWords } from "@fieldpay/ui/status-pill";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useEffect, useState } from "react";
import { errorInfo, type FieldProps, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { formatWhen } from "./booking-status.tsx";
import { type BookingView, ledgerLineLabel, refundableCharges } from "./ledger-words.ts";
import { REFUND_REASONS, RefundConfirm, type RefundPreview, type RefundReason } from "./refund-confirm.tsx";

type Payment = NonNullable<inferRouterOutputs<AppRouter>["bookings"]["get"]["payment"]>;

const FIELDS = [
  { name: "paymentId", label: "Refund from" },
  { name: "amount", label: "Amount to refund" },
  { name: "reason", label: "Why are you refunding?" },
  { name: "refundApplicationFee", label: "Give back your commission" },
  { name: "reverseTransfer", label: "Take the refund back from the fieldworker" },
] as const;

interface Choices {
  refundApplicationFee: boolean;
  reverseTransfer: boolean;
}

/** Stripe Connect refunds decide both explicitly: the business's commission and the fieldworker's share. */
function ConnectChoices(props: {
  destination: boolean;
  choices: Choices;
  onChange: (choices: Choices) => void;
  field: (name: "refundApplicationFee" | "reverseTransfer") => FieldProps;
}) {
  const { choices, onChange } = props;
  return (
    <>
      <CheckboxField
        {...props.field("refundApplicationFee")}
        checked={choices.refundApplicationFee}
        onChange={(e) => onChange({ ...choices, refundApplicationFee: e.target.checked })}
        hint="Refunds your application fee in proportion to the refund. Unticked, you keep your commission on the refunded amount."
      />
      {props.destination ? (
        <CheckboxField
          {...props.field("reverseTransfer")}
          checked={choices.reverseTransfer}
          onChange={(e) => onChange({ ...choices, reverseTransfer: e.target.checked })}
          hint="Takes back the fieldworker's share in proportion to the refund, from their Stripe account. Unticked, your business pays the whole refund from its own balance and the fieldworker keeps their share."
        />
      ) : (
        <p className="muted">
          This payment was made on the fieldworker's own Stripe account, so the refund comes out of their
          balance.
        </p>
      )}
    </>
  );
}

export function RefundForm({ booking, payment }: { booking: BookingView; payment: Payment }) {
  const charges = refundableCharges(booking.ledger.lines);
  const [chargeId, setChargeId] = useState(charges[0]?.line.paymentId ?? "");
  const chosen = charges.find((c) => c.line.paymentId === chargeId) ?? charges[0];
  const leftOf = (c: typeof chosen) => (c ? toDecimalString(c.left.amount, c.left.currency) : "");
  const [amount, setAmount] = useState(() => leftOf(chosen));
  const [reason, setReason] = useState<RefundReason>("requested_by_customer");
  const [choices, setChoices] = useState<Choices>({ refundApplicationFee: true, reverseTransfer: true });
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  // One id per refund: a resubmitted (or retried) confirmation refunds once; after a success the next gets a new one.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const utils = trpc.useUtils();
  const refund = trpc.bookings.refund.useMutation({
    onSuccess: async () => {
      setRequestId(crypto.randomUUID());
      setPreview(null);
      await utils.bookings.invalidate();
    },
    onError: () => setPreview(null),
  });
  const left = chosen?.left.amount;
  // After a refund what is left changes, and the amount follows it (the default is always "everything left").
  useEffect(() => setAmount(leftOf(chosen)), [left]);
  const connect = payment.chargeType !== "direct";
  const destination = payment.chargeType === "destination";
  const form = formErrors("refund", errorInfo(checkError ?? refund.error), FIELDS);

  const request = () => ({
    bookingId: booking.id,
    ...(chosen && { paymentId: chosen.line.paymentId }),
    amount: amount.trim() || undefined,
    reason,
    ...(connect && {
      refundApplicationFee: choices.refundApplicationFee,
      reverseTransfer: destination && choices.reverseTransfer,
    }),
  });
  const edited = () => {
    setPreview(null);
    setRequestId(crypto.randomUUID());
  };
  // Nothing is sent to Stripe here: the api checks the amount and works out who gives back what.
  const review = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    refund.reset();
    setCheckError(null);
    try {
      setPreview(await utils.client.bookings.refundPreview.query(request()));
    } catch (error) {
      setCheckError(error);
    }
  };

  return (
    <form className="card refund-form" onSubmit={review} noValidate aria-labelledby="refund-heading">
      <h2 id="refund-heading">Refund</h2>
      <ErrorSummary {...form.summary} />
      {charges.length > 1 && (
        <SelectField
          {...form.field("paymentId")}
          value={chosen?.line.paymentId ?? ""}
          onChange={(e) => {
            const next = charges.find((c) => c.line.paymentId === e.target.value);
            setChargeId(e.target.value);
            setAmount(leftOf(next));
            edited();
          }}
          options={charges.map((c) => ({
            value: c.line.paymentId,
            label: `${ledgerLineLabel(c.line, booking.plan.plan)} on ${formatWhen(c.line.occurredAt)}: ${formatMoney(c.left.amount, c.left.currency)} left`,
          }))}
        />
      )}
      <TextField
        {...form.field("amount")}
        inputMode="decimal"
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          edited();
        }}
        hint={
          chosen
            ? `Up to ${formatMoney(chosen.left.amount, chosen.left.currency)}, what is left of this charge.`
            : undefined
        }
      />
      <SelectField
        {...form.field("reason")}
        value={reason}
        onChange={(e) => {
          setReason(REFUND_REASONS.find((r) => r.value === e.target.value)?.value ?? "requested_by_customer");
          edited();
        }}
        options={REFUND_REASONS}
        hint="Sent to Stripe with the refund. For fraud, Stripe also blocks the card and email for future payments."
      />
      {connect && (
        <ConnectChoices
          destination={destination}
          choices={choices}
          onChange={(next) => {
            setChoices(next);
            edited();
          }}
          field={form.field}
        />
      )}
      {refund.isSuccess && (
        <Alert tone="success" title="Refund sent to Stripe">
          {formatMoney(refund.data.amount.amount, refund.data.amount.currency)} (
          {statusWords("refund", refund.data.status).label.toLowerCase()}). The customer's bank usually shows
          it within 5 to 10 business days.
        </Alert>
      )}
      {preview ? (
        <RefundConfirm
          preview={preview}
          customerName={booking.customer.name}
          reason={reason}
          busy={refund.isPending}
          onConfirm={() => refund.mutate({ ...request(), requestId })}
          onBack={() => setPreview(null)}
        />
      ) : (
        <Button type="submit" variant="danger">
          Review refund
        </Button>
      )}
    </form>
  );
}
