// "Mark job done", for the fieldworker on their Jobs page and the admin on the booking page: the final amount
// (the price unless the job changed, then with a reason the customer sees), a confirmation that says what will be
// charged or given back, and then the worker charges what is due.
import { formatMoney } from "@fieldpay/payments/money/format";
import { minorUnitExponent, toDecimalString } from "@fieldpay/payments/money/minor-units";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { TextField } from "@fieldpay/ui/text-field";
import { type FormEvent, useState } from "react";
import { errorAtField, errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import type { BookingView } from "./ledger-words.ts";

/** The typed amount in minor units; null when it is not an amount. */
function minorOf(typed: string, currency: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(typed)) return null;
  return Math.round(Number(typed) * 10 ** minorUnitExponent(currency));
}

function consequence(b: BookingView, final: number): string {
  const currency = b.amount.currency;
  const charged = b.ledger.charged.amount;
  const show = (amount: number) => formatMoney(amount, currency);
  if (b.status === "authorized" && charged === 0)
    return `${show(final)} is captured from the hold on the customer's card${final > b.amount.amount ? `, and ${show(final - b.amount.amount)} more is charged to it` : ""}.`;
  if (final > charged) return `${show(final - charged)} is charged to the customer's saved card.`;
  if (final < charged) return `${show(charged - final)} is refunded to the customer.`;
  return "Nothing more is charged: the job is paid.";
}

export function MarkDoneForm({ booking: b }: { booking: BookingView }) {
  const currency = b.amount.currency;
  const price = toDecimalString(b.amount.amount, currency);
  const [finalAmount, setFinalAmount] = useState(price);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const utils = trpc.useUtils();
  const mark = trpc.bookings.markDone.useMutation({
    onSuccess: () => utils.bookings.invalidate(),
    onError: () => setConfirming(false),
  });
  const error = errorInfo(mark.error);
  const final = minorOf(finalAmount.trim(), currency);
  const differs = final !== null && final !== b.amount.amount;
  const amountError = errorAtField(error, "finalAmount", "Final amount");
  const reasonError = missingReason
    ? "Say why the final amount differs from the price; the customer sees it."
    : errorAtField(error, "reason", "Reason");
  const placed = Boolean(amountError ?? reasonError);

  const confirm = () =>
    mark.mutate({
      bookingId: b.id,
      finalAmount: finalAmount.trim(),
      ...(differs && { reason: reason.trim() }),
    });

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const needsReason = differs && reason.trim().length < 3;
    setMissingReason(needsReason);
    if (needsReason) return;
    // Not an amount: the api says what it should look like, beside the field.
    if (final === null) confirm();
    else setConfirming(true);
  };
  if (mark.isSuccess) {
    return (
      <Alert tone="success" title="Job marked done">
        {formatMoney(mark.data.finalAmount.amount, mark.data.finalAmount.currency)} in all. What is due is
        being charged now; the booking shows it when Stripe confirms.
      </Alert>
    );
  }
  return (
    <form
      className="service-form"
      onSubmit={review}
      noValidate
      aria-label={`Mark job done: ${b.serviceName}`}
    >
      <TextField
        name="finalAmount"
        label="Final amount"
        inputMode="decimal"
        value={finalAmount}
        onChange={(e) => {
          setFinalAmount(e.target.value);
          setConfirming(false);
        }}
        hint={`The price booked is ${formatMoney(b.amount.amount, currency)}. Change it for extra parts or time.`}
        error={amountError}
      />
      {(differs || reasonError) && (
        <TextField
          name="reason"
          label="Reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
          hint="The customer sees it on their receipt, like “Extra parts: new valve”."
          error={reasonError}
        />
      )}
      {!placed && <FormError message={error?.message} fix={error?.fix ?? undefined} />}
      {confirming && final !== null ? (
        <Alert
          tone="warning"
          title={`Mark this job done for ${formatMoney(final, currency)}?`}
          actions={
            <>
              <Button busy={mark.isPending} busyLabel="Marking done…" onClick={confirm}>
                Yes, mark it done
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Not yet
              </Button>
            </>
          }
        >
          {consequence(b, final)}
        </Alert>
      ) : (
        <div className="actions">
          <Button type="submit">Mark job done</Button>
        </div>
      )}
    </form>
  );
}
