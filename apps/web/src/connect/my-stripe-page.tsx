// /app/stripe (fieldworker): where their Stripe account stands, what Stripe still needs in plain words, and the
// way to onboarding or their dashboard.
import { Button } from "@fieldpay/ui/button";
import { PageHeader } from "@fieldpay/ui/page-header";
import { StripeBadge } from "@fieldpay/ui/stripe-badge";
import { trpc } from "../lib/trpc.ts";
import { AccountStatusCard } from "./account-status-card.tsx";
import { SetupProgress } from "./setup-progress.tsx";
import { StripeActions } from "./stripe-actions.tsx";

export function MyStripePage() {
  const utils = trpc.useUtils();
  const account = trpc.fieldworkers.myAccount.useQuery();
  const refresh = trpc.fieldworkers.refreshStatus.useMutation({
    onSuccess: (fresh) => utils.fieldworkers.myAccount.setData(undefined, fresh),
  });
  return (
    <>
      <PageHeader
        title="My Stripe account"
        description="Your share of each job is paid into your own Stripe account, and from there to your bank."
        actions={<StripeBadge />}
      />
      {account.isError && <p role="alert">{account.error.message}</p>}
      {account.isPending && <p className="muted">Loading…</p>}
      {account.data && (
        <>
          <SetupProgress account={account.data} />
          {!account.data.connected && account.data.status === "not_connected" && (
            <section className="card">
              <h2>Set up payouts</h2>
              <p>
                Stripe asks for your details on its own secure pages. New to Stripe? It creates your account.
                Already have one? Sign in with it on Stripe's page and Stripe reuses your details.
              </p>
            </section>
          )}
          <AccountStatusCard
            account={account.data}
            audience="fieldworker"
            actions={
              <>
                <StripeActions account={account.data} />
                {account.data.connected && (
                  <Button
                    variant="secondary"
                    busy={refresh.isPending}
                    busyLabel="Asking Stripe…"
                    onClick={() => refresh.mutate({})}
                  >
                    Refresh status
                  </Button>
                )}
              </>
            }
          />
        </>
      )}
    </>
  );
}
