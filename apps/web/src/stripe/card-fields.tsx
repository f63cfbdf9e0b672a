// The card form inside Elements: Stripe's Payment Element (cards only here: the portal confirms in place) and
// the submit button. Confirming is the caller's: a payment or a saved card.
import { Button } from "@fieldpay/ui/button";
import { StripeBadge } from "@fieldpay/ui/stripe-badge";
import { PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { type FormEvent, useState } from "react";

export interface CardFieldsProps {
  submitLabel: string;
  busyLabel: string;
  /** Runs once per submit; the button stays busy (disabled) until it settles, so a double click does nothing. */
  onConfirm: (stripe: Stripe, elements: StripeElements) => Promise<void>;
}

export function CardFields({ submitLabel, busyLabel, onConfirm }: CardFieldsProps) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setBusy(true);
    try {
      await onConfirm(stripe, elements);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card-form" onSubmit={(e) => void submit(e)}>
      <PaymentElement options={{ layout: "tabs", wallets: { applePay: "never", googlePay: "never" } }} />
      <Button type="submit" busy={busy || !stripe} busyLabel={stripe ? busyLabel : "Loading the card form…"}>
        {submitLabel}
      </Button>
      <StripeBadge />
    </form>
  );
}
