// Where Stripe sends a fieldworker back. Both sit inside the signed-in app, so the session is checked before
// anything happens. refresh_url: the link expired or was used, so make a fresh one and go straight back.
// return_url: coming back does not mean finished, so ask Stripe first and only then say where they stand.
import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { AccountStatusCard } from "./account-status-card.tsx";
import { goTo, StripeActions } from "./stripe-actions.tsx";

/** Runs a mutation once when the page opens (StrictMode mounts effects twice in development). */
function useOnce(run: () => void) {
  const ran = useRef(false);
  useEffect(() => {
    if (ran.current) return;
    ran.current = true;
    run();
  }, [run]);
}

export function StripeRefreshPage() {
  const start = trpc.fieldworkers.startOnboarding.useMutation({ onSuccess: (link) => goTo(link.url) });
  useOnce(start.mutate);
  const error = errorInfo(start.error);
  return (
    <>
      <PageHeader title="Back to Stripe" />
      {error ? (
        <Alert tone="danger" title={error.message} fix={error.fix}>
          <Link to="/app/stripe">Go to My Stripe account</Link>
        </Alert>
      ) : (
        <p className="muted">Making a fresh Stripe link for you…</p>
      )}
    </>
  );
}

const DONE: Record<string, string> = {
  active: "You're all set: Stripe has turned on payments and payouts.",
  pending_verification: "Thanks! Stripe is checking your details; we'll show the result here.",
  onboarding_incomplete: "Your Stripe setup isn't finished yet.",
  restricted: "Stripe needs something more before you can be paid.",
};

export function StripeReturnPage() {
  const utils = trpc.useUtils();
  const complete = trpc.fieldworkers.completeOnboarding.useMutation({
    onSuccess: (fresh) => utils.fieldworkers.myAccount.setData(undefined, fresh),
  });
  useOnce(complete.mutate);
  const error = errorInfo(complete.error);
  return (
    <>
      <PageHeader title="Stripe setup" />
      {complete.isPending && <p className="muted">Checking with Stripe where your account stands…</p>}
      {error && (
        <Alert tone="danger" title={error.message} fix={error.fix}>
          <Link to="/app/stripe">Go to My Stripe account</Link>
        </Alert>
      )}
      {complete.data && (
        <>
          <Alert
            tone={complete.data.status === "active" ? "success" : "info"}
            title={DONE[complete.data.status] ?? complete.data.headline}
          />
          <AccountStatusCard
            account={complete.data}
            audience="fieldworker"
            actions={<StripeActions account={complete.data} />}
          />
        </>
      )}
    </>
  );
}
