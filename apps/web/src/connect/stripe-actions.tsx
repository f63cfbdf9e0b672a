// The buttons that leave for Stripe: onboarding (a fresh single-use link each time) and the dashboard.
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import type { AccountStatusView } from "./types.ts";

/** Leaving the app for Stripe's own pages: a full navigation, not a router push. */
export function goTo(url: string) {
  window.location.assign(url);
}

export function StripeActions({ account }: { account: AccountStatusView }) {
  const start = trpc.fieldworkers.startOnboarding.useMutation({ onSuccess: (link) => goTo(link.url) });
  const dashboard = trpc.fieldworkers.dashboardLink.useMutation({ onSuccess: (link) => goTo(link.url) });
  const error = errorInfo(start.error ?? dashboard.error);
  const needsOnboarding = account.status !== "active" && account.status !== "deauthorized";
  const label = account.connected ? "Continue onboarding" : "Set up payouts with Stripe";
  return (
    <>
      <FormError message={error?.message} fix={error?.fix} />
      {needsOnboarding && (
        <Button
          busy={start.isPending || start.isSuccess}
          busyLabel="Opening Stripe…"
          onClick={() => start.mutate()}
        >
          {label}
        </Button>
      )}
      {/* Stripe makes Express login links only once the fieldworker has finished onboarding. */}
      {account.connected && account.detailsSubmitted && account.accountType === "express" && (
        <Button
          variant="secondary"
          busy={dashboard.isPending || dashboard.isSuccess}
          busyLabel="Opening Stripe…"
          onClick={() => dashboard.mutate()}
        >
          Open my Stripe dashboard
        </Button>
      )}
      {account.connected && account.accountType === "standard" && (
        <a
          className="btn btn-secondary"
          href="https://dashboard.stripe.com/"
          target="_blank"
          rel="noreferrer"
        >
          Open my Stripe dashboard (dashboard.stripe.com)
        </a>
      )}
    </>
  );
}
