// The refund dialog's last step: what will be given back, by whom, and why, before anything is sent to Stripe.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { Button } from "@fieldpay/ui/button";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useRef } from "react";
import type { RefundReason } from "./ledger-words.ts";

export type RefundPreview = inferRouterOutputs<AppRouter>["bookings"]["refundPreview"];
export type { RefundReason };

/** Stripe's refund reasons in words; sent to Stripe as `reason`. */
export const REFUND_REASONS: ReadonlyArray<{ value: RefundReason; label: string }> = [
  { value: "requested_by_customer", label: "The customer asked for it" },
  { value: "duplicate", label: "The customer was charged twice for the same thing" },
  { value: "fraudulent", label: "The payment was fraud: the card's owner did not make it" },
];

export const reasonWords = (reason: RefundReason) =>
  REFUND_REASONS.find((r) => r.value === reason)?.label ?? "";

export function RefundConfirm(props: {
  preview: RefundPreview;
  customerName: string;
  reason: RefundReason;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { preview } = props;
  const show = (m: { amount: number; currency: string }) => formatMoney(m.amount, m.currency);
  const amount = show(preview.amount);
  const ref = useRef<HTMLElement>(null);
  // The question replaces the form's button, so focus goes to it rather than being lost.
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="refund-confirm" tabIndex={-1} aria-labelledby="refund-confirm-title">
      <h3 id="refund-confirm-title">
        Refund {amount} to {props.customerName}?
      </h3>
      <dl className="refund-split">
        <dt>Your business gives back</dt>
        <dd>{show(preview.business)}</dd>
        {preview.fieldworker && (
          <>
            <dt>The fieldworker gives back</dt>
            <dd>{show(preview.fieldworker)}</dd>
          </>
        )}
        <dt>Reason</dt>
        <dd>{reasonWords(props.reason)}</dd>
        <dt>Left to refund after this</dt>
        <dd>{show({ ...preview.left, amount: preview.left.amount - preview.amount.amount })}</dd>
      </dl>
      <p className="muted">
        A refund cannot be undone. The customer's bank usually shows it within 5 to 10 business days.
      </p>
      <div className="actions">
        <Button variant="danger" busy={props.busy} busyLabel="Refunding…" onClick={props.onConfirm}>
          Yes, refund {amount}
        </Button>
        <Button variant="secondary" onClick={props.onBack}>
          Go back
        </Button>
      </div>
    </section>
  );
}
