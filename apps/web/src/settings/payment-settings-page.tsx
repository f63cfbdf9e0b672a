import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { DisputeLiabilityCard } from "../disputes/dispute-liability-card.tsx";
import { trpc } from "../lib/trpc.ts";
import { PaymentSettingsForm } from "./payment-settings-form.tsx";

/** Settings > Financial Settings > Payment integration. */
export function PaymentSettingsPage() {
  const current = trpc.paymentSettings.get.useQuery();
  return (
    <>
      <PageHeader
        eyebrow="Settings › Financial Settings"
        title="Payment integration"
        description="Take card payments for bookings through Stripe, and pay your fieldworkers through Stripe Connect."
      />
      {current.isPending && <p className="muted">Loading…</p>}
      {current.isError && (
        <Alert tone="danger" title="Could not load your settings">
          {current.error.message}
        </Alert>
      )}
      {current.data && <PaymentSettingsForm current={current.data} />}
      {current.data?.settings?.mode === "connect" && (
        <DisputeLiabilityCard current={current.data.settings.disputeLiability} />
      )}
      <section className="card faq">
        <h2>Questions</h2>
        <h3>What's the difference between Stripe and Stripe Connect?</h3>
        <p>
          Stripe lets your business accept card payments, like a digital cash register. Stripe Connect adds a
          layer that distributes each payment between your business and the fieldworker who did the job.
        </p>
        <h3>Is there a fee for Stripe Connect?</h3>
        <p>
          fieldpay charges nothing extra. Stripe Connect has its own fees, depending on the account type and
          your country: see Stripe's pricing page.
        </p>
        <h3>My integration isn't working</h3>
        <p>
          Double-check the API keys you entered, make sure your Stripe account is fully set up, verified and
          not restricted, and look at the health report for the exact problem and its fix.
        </p>
      </section>
    </>
  );
}
