// Paying with a card saved earlier: Stripe.js confirms the booking's PaymentIntent with that card.
import { Button } from "@fieldpay/ui/button";
import { StripeBadge } from "@fieldpay/ui/stripe-badge";
import { useStripe } from "@stripe/react-stripe-js";
import { useState } from "react";
import { type Confirmation, settle } from "../stripe/confirm.ts";
import { cardWords } from "./card-words.ts";

export interface SavedCard {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export function cardLabel(card: SavedCard): string {
  return `${cardWords(card)} (expires ${String(card.expMonth).padStart(2, "0")}/${card.expYear})`;
}

export function SavedCardChoice(props: {
  cards: SavedCard[];
  value: string;
  onChange: (value: string) => void;
}) {
  const options = [
    ...props.cards.map((c) => ({ value: c.paymentMethodId, label: cardLabel(c) })),
    { value: "new", label: "A new card" },
  ];
  return (
    <fieldset className="choice-group">
      <legend>Pay with</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox-row">
          <input
            type="radio"
            name="card"
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function SavedCardPay(props: {
  card: SavedCard;
  clientSecret: string;
  amount: string;
  onResult: (confirmation: Confirmation) => Promise<void>;
}) {
  const stripe = useStripe();
  const [busy, setBusy] = useState(false);
  const pay = async () => {
    if (!stripe || busy) return;
    setBusy(true);
    try {
      const result = await stripe.confirmCardPayment(props.clientSecret, {
        payment_method: props.card.paymentMethodId,
      });
      await props.onResult(await settle(stripe, result));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card-form">
      <Button busy={busy || !stripe} busyLabel={stripe ? "Paying…" : "Loading…"} onClick={() => void pay()}>
        Pay {props.amount} with the card ending {props.card.last4}
      </Button>
      <StripeBadge />
    </div>
  );
}
