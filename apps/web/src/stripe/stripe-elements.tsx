// Stripe.js for one form: loaded with the business's publishable key (and, for a Standard fieldworker's direct
// charge, their account), then Elements around the form. Card details go straight from Stripe's fields to
// Stripe; our pages only ever see the client secret our api made.
import { Alert } from "@fieldpay/ui/alert";
import { Elements } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { type ReactNode, useEffect, useState } from "react";

export interface StripeElementsProps {
  publishableKey: string;
  stripeAccount?: string | null;
  /** The PaymentIntent's or SetupIntent's client secret, for the Payment Element. Left out for saved cards. */
  clientSecret?: string;
  children: ReactNode;
}

const appearance = { theme: "stripe", variables: { colorPrimary: "#635bff", borderRadius: "6px" } } as const;

// The loader is made once per mounted form: a new key or account means a new form (callers set a React key).
function useStripeLoader(publishableKey: string, stripeAccount: string | null) {
  const [loader] = useState(() => loadStripe(publishableKey, stripeAccount ? { stripeAccount } : undefined));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loader.then(
      (stripe) => current && stripe === null && setFailed(true),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [loader]);
  return { loader, failed };
}

export function StripeElements({
  publishableKey,
  stripeAccount = null,
  clientSecret,
  children,
}: StripeElementsProps) {
  const { loader, failed } = useStripeLoader(publishableKey, stripeAccount);
  if (failed) {
    return (
      <Alert
        tone="danger"
        title="The secure card form from Stripe did not load"
        fix="Check your internet connection (and any ad or script blocker), then reload this page. Nothing was charged."
      />
    );
  }
  const options = clientSecret ? { clientSecret, appearance } : { appearance };
  return (
    <Elements stripe={loader satisfies Promise<Stripe | null>} options={options}>
      {children}
    </Elements>
  );
}
