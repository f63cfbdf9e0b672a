import { StatusPill } from "@fieldpay/ui/status-pill";
import { trpc } from "../lib/trpc.ts";

export function StatusPage() {
  const status = trpc.system.status.useQuery();
  return (
    <main className="page">
      <h1>fieldpay</h1>
      <p>
        Card payments for your bookings through Stripe, and payouts to your fieldworkers through Stripe
        Connect.
      </p>
      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">System status</h2>
        {status.isPending && <p>Checking…</p>}
        {status.isError && <p role="alert">The api is not answering: {status.error.message}</p>}
        {status.data && (
          <dl className="status-list">
            <dt>Database</dt>
            <dd data-testid="status-database">
              <StatusPill tone={status.data.database.ok ? "good" : "bad"}>
                {status.data.database.ok ? "reachable" : status.data.database.reason}
              </StatusPill>
            </dd>
            <dt>Stripe API ({status.data.stripe.base})</dt>
            <dd data-testid="status-stripe">
              <StatusPill tone={status.data.stripe.ok ? "good" : "bad"}>
                {status.data.stripe.ok ? "reachable" : status.data.stripe.reason}
              </StatusPill>
            </dd>
          </dl>
        )}
      </section>
    </main>
  );
}
