// The booking payment form: a saved card or a new one (Stripe's Payment Element), then Stripe.js confirms in
// place (3-D Secure included). A decline is explained in plain words by the api; the booking stays unpaid and
// only "Try again with another card" opens a new payment attempt. Under the card-on-file plan the form saves the
// card instead (a SetupIntent): nothing is charged, and a declined card can simply be replaced on the same form.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import type { StripeElements as Elements, Stripe } from "@stripe/stripe-js";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { trpc } from "../lib/trpc.ts";
import { CardFields } from "../stripe/card-fields.tsx";
import { type Confirmation, declineCodeOf, settle } from "../stripe/confirm.ts";
import { StripeElements } from "../stripe/stripe-elements.tsx";
import { SavedCardChoice, SavedCardPay } from "./saved-card-pay.tsx";

type Payment = inferRouterOutputs<AppRouter>["bookings"]["pay"];
type Problem = { message: string; fix: string; final: boolean };

export interface PaymentPanelProps {
  payment: Payment;
  onPaid: (confirmation: Confirmation) => void;
  onTryAgain: () => void;
  tryingAgain: boolean;
}

export function PaymentPanel({ payment, onPaid, onTryAgain, tryingAgain }: PaymentPanelProps) {
  const cards = trpc.savedCards.list.useQuery(undefined, { enabled: payment.savedCardsAllowed });
  // Null until the customer picks: the newest saved card is preselected, "A new card" when there is none.
  const [picked, setPicked] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const refresh = trpc.bookings.refreshPayment.useMutation();
  const amount = formatMoney(payment.amount.amount, payment.amount.currency);
  const setup = payment.intent === "setup";
  const words = setup
    ? { heading: "Save your card", submit: "Save card", busy: "Saving…" }
    : payment.hold
      ? { heading: `Hold ${amount}`, submit: `Hold ${amount} on my card`, busy: "Holding…" }
      : { heading: `Pay ${amount}`, submit: `Pay ${amount}`, busy: "Paying…" };

  const handle = async (confirmation: Confirmation) => {
    if (confirmation.kind !== "failed") return onPaid(confirmation);
    if (setup) {
      setProblem({
        message: confirmation.error?.message ?? "The card could not be saved.",
        fix: "Nothing was charged. Check the details, or use another card.",
        final: false,
      });
      return;
    }
    const declineCode = declineCodeOf(confirmation.error);
    if (confirmation.error && confirmation.error.type !== "card_error") {
      // Incomplete or invalid fields: Stripe's own message says which, and the same attempt can go on.
      setProblem({ message: confirmation.error.message ?? "Check the card details.", fix: "", final: false });
      return;
    }
    const status = await refresh.mutateAsync({ bookingId: payment.bookingId, declineCode }).catch(() => null);
    setProblem({
      message: status?.problem?.message ?? "The card was declined.",
      fix: "Nothing was charged. Try again with another card, or contact your bank.",
      final: true,
    });
  };

  if (problem?.final) {
    return (
      <section className="card" aria-labelledby="pay-heading">
        <h2 id="pay-heading">Payment</h2>
        <FormError message={problem.message} fix={problem.fix} />
        <p>Your booking is kept; it is waiting for payment.</p>
        <Button busy={tryingAgain} busyLabel="Preparing a new payment…" onClick={onTryAgain}>
          Try again with another card
        </Button>
      </section>
    );
  }
  const saved = payment.savedCardsAllowed ? (cards.data ?? []) : [];
  const choice = picked ?? saved[0]?.paymentMethodId ?? "new";
  const card = saved.find((c) => c.paymentMethodId === choice);
  const confirmNew = async (stripe: Stripe, elements: Elements) => {
    setProblem(null);
    const params = {
      elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    } as const;
    const result = setup ? await stripe.confirmSetup(params) : await stripe.confirmPayment(params);
    await handle(await settle(stripe, result));
  };
  if (payment.savedCardsAllowed && cards.isPending) return <p className="muted">Loading your saved cards…</p>;
  return (
    <section className="card" aria-labelledby="pay-heading">
      <h2 id="pay-heading">{words.heading}</h2>
      {saved.length > 0 && <SavedCardChoice cards={saved} value={choice} onChange={setPicked} />}
      {problem && <FormError message={problem.message} fix={problem.fix || undefined} />}
      <StripeElements
        key={card ? "saved" : "new"}
        publishableKey={payment.publishableKey}
        stripeAccount={payment.stripeAccount}
        {...(!card && { clientSecret: payment.clientSecret })}
      >
        {card ? (
          <SavedCardPay card={card} clientSecret={payment.clientSecret} amount={amount} onResult={handle} />
        ) : (
          <CardFields submitLabel={words.submit} busyLabel={words.busy} onConfirm={confirmNew} />
        )}
      </StripeElements>
    </section>
  );
}
