// /book/:slug/cards: save a card for faster payments next time (a SetupIntent confirmed by Stripe.js), see
// the saved cards and remove one.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { FormError } from "@fieldpay/ui/form-error";
import type { StripeElements as Elements, Stripe } from "@stripe/stripe-js";
import { useState } from "react";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { CardFields } from "../stripe/card-fields.tsx";
import { settle } from "../stripe/confirm.ts";
import { StripeElements } from "../stripe/stripe-elements.tsx";
import { RequireCustomer } from "./require-customer.tsx";
import { cardLabel } from "./saved-card-pay.tsx";

function SaveCardForm({ onSaved }: { onSaved: () => void }) {
  const start = trpc.savedCards.startSetup.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const error = errorInfo(start.error);
  const confirm = async (stripe: Stripe, elements: Elements) => {
    setProblem(null);
    const result = await stripe.confirmSetup({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    const outcome = await settle(stripe, result);
    if (outcome.kind === "failed") {
      setProblem(outcome.error?.message ?? "The card could not be saved. Try another card.");
      return;
    }
    onSaved();
  };
  if (!start.data) {
    return (
      <section className="card">
        <h2>Save a card</h2>
        <p>Save a card for faster payments next time. Stripe keeps the card details; we never see them.</p>
        <FormError message={error?.message} fix={error?.fix ?? undefined} />
        <Button busy={start.isPending} busyLabel="Opening the card form…" onClick={() => start.mutate()}>
          Add a card
        </Button>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="save-card-heading">
      <h2 id="save-card-heading">Save a card</h2>
      {problem && <FormError message={problem} fix="Check the details, or use another card." />}
      <StripeElements publishableKey={start.data.publishableKey} clientSecret={start.data.clientSecret}>
        <CardFields submitLabel="Save card" busyLabel="Saving…" onConfirm={confirm} />
      </StripeElements>
    </section>
  );
}

function SavedCards() {
  const cards = trpc.savedCards.list.useQuery();
  const utils = trpc.useUtils();
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const remove = trpc.savedCards.remove.useMutation({ onSuccess: () => utils.savedCards.list.invalidate() });
  const removeError = errorInfo(remove.error);
  return (
    <>
      <h1>Saved cards</h1>
      {saved && (
        <Alert tone="success" title="Card saved">
          You can pick it when you pay for your next booking.
        </Alert>
      )}
      {cards.isError && (
        <Alert tone="danger" title="Could not load your cards">
          {cards.error.message}
        </Alert>
      )}
      <section className="card">
        {cards.data?.length === 0 && <EmptyState title="No saved cards yet" />}
        <ul className="saved-cards">
          {cards.data?.map((card) => (
            <li key={card.paymentMethodId}>
              <span>{cardLabel(card)}</span>
              <Button
                variant="secondary"
                busy={remove.isPending && remove.variables?.paymentMethodId === card.paymentMethodId}
                busyLabel="Removing…"
                onClick={() => remove.mutate({ paymentMethodId: card.paymentMethodId })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <FormError message={removeError?.message} fix={removeError?.fix ?? undefined} />
      </section>
      <SaveCardForm
        key={formKey}
        onSaved={() => {
          setSaved(true);
          setFormKey((k) => k + 1);
          void utils.savedCards.list.invalidate();
        }}
      />
    </>
  );
}

export function SavedCardsPage() {
  return (
    <RequireCustomer>
      <SavedCards />
    </RequireCustomer>
  );
}
