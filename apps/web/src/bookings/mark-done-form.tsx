// "Mark job done", for the fieldworker on their Jobs page and the admin on the booking page: the final amount
// (the price unless the job changed, then with a reason the customer sees), a confirmation that says what will be
// charged or given back, and then the worker charges what is due.
import { formatMoney } from "@fieldpay/payments/money/format";
import { maximumCharge } from "@fieldpay/payments/money/limits";
import { minorUnitExponent, toDecimalString } from "@fieldpay/payments/money/minor-units";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { TextField } from "@fieldpay/ui/text-field";
import { type FormEvent, useState } from "react";
import { type ErrorInfo, errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import type { BookingView } from "./ledger-words.ts";

/** The typed amount in minor units; null when it is not an amount. */
function minorOf(typed: string, currency: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(typed)) return null;
  return Math.round(Number(typed) * 10 ** minorUnitExponent(currency));
}

const FIELDS = [
  { name: "finalAmount", label: "Final amount" },
  { name: "reason", label: "Reason" },
] as const;

/** What the form can tell before asking the api: a reason is missing, or Stripe could not charge that much. */
function localProblem(
  b: BookingView,
  final: number | null,
  differs: boolean,
  reason: string,
): ErrorInfo | null {
  const fieldErrors: ErrorInfo["fieldErrors"] = {};
  const currency = b.amount.currency;
  if (final !== null && final > maximumCharge(currency)) {
    fieldErrors.finalAmount = [
      `Stripe charges at most ${formatMoney(maximumCharge(currency), currency)} at once.`,
    ];
  }
  if (differs && reason.trim().length < 3) {
    fieldErrors.reason = ["Say why the final amount differs from the price; the customer sees it."];
  }
  const messages = Object.values(fieldErrors).flat();
  return messages.length ? { message: messages.join(" "), fix: null, fieldErrors } : null;
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
  const [checked, setChecked] = useState<ErrorInfo | null>(null);
  const utils = trpc.useUtils();
  const mark = trpc.bookings.markDone.useMutation({
    onSuccess: () => utils.bookings.invalidate(),
    onError: () => setConfirming(false),
  });
  const final = minorOf(finalAmount.trim(), currency);
  const differs = final !== null && final !== b.amount.amount;
  const form = formErrors(`done-${b.id}`, checked ?? errorInfo(mark.error), FIELDS);
  const reasonError = form.field("reason").error;

  const confirm = () =>
    mark.mutate({
      bookingId: b.id,
      finalAmount: finalAmount.trim(),
      ...(differs && { reason: reason.trim() }),
    });

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = localProblem(b, final, differs, reason);
    setChecked(problem);
    if (problem) return;
    mark.reset();
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
      <ErrorSummary {...form.summary} />
      <TextField
        {...form.field("finalAmount")}
        inputMode="decimal"
        value={finalAmount}
        onChange={(e) => {
          setFinalAmount(e.target.value);
          setConfirming(false);
        }}
        hint={`The price booked is ${formatMoney(b.amount.amount, currency)}. Change it for extra parts or time.`}
      />
      {(differs || reasonError) && (
        <TextField
          {...form.field("reason")}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
          hint="The customer sees it on their receipt, like “Extra parts: new valve”."
        />
      )}
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
