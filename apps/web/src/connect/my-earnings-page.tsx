// /app/earnings (fieldworker): earnings per period, upcoming and past payouts, and why a payout is late. Until the
// first job is paid: one friendly empty state with the way to being paid, rather than empty tables.
import { EmptyState } from "@fieldpay/ui/empty-state";
import { PageHeader } from "@fieldpay/ui/page-header";
import { useState } from "react";
import { Link } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { PaymentSections, PayoutSections, PeriodChart } from "./earnings-sections.tsx";
import { SetupProgress, setupSteps } from "./setup-progress.tsx";
import type { Earnings, Period } from "./types.ts";

const nothingYet = (e: Earnings) =>
  e.payments.length === 0 && e.payouts.length === 0 && e.alerts.length === 0;

function FirstJobEmptyState() {
  const account = trpc.fieldworkers.myAccount.useQuery();
  const ready = account.data ? setupSteps(account.data).every((s) => s.done) : false;
  return (
    <section className="card">
      <EmptyState
        title="No earnings yet"
        action={
          account.data &&
          !ready && (
            <Link className="btn btn-primary" to="/app/stripe">
              Finish setting up Stripe
            </Link>
          )
        }
      >
        <p>
          Once a customer pays for a job you did, you see here what they paid, the business's commission, your
          share, and when Stripe pays it into your bank.
        </p>
        {account.data && <SetupProgress account={account.data} />}
      </EmptyState>
    </section>
  );
}

export function MyEarningsPage() {
  const [period, setPeriod] = useState<Period>("month");
  const earnings = trpc.fieldworkers.myEarnings.useQuery({ period });
  return (
    <>
      <PageHeader
        title="Your earnings and payouts"
        description="What you earned per job and when Stripe pays it out to your bank."
      />
      {earnings.isError && <p role="alert">{earnings.error.message}</p>}
      {earnings.isPending && <p className="muted">Loading…</p>}
      {earnings.data && nothingYet(earnings.data) && <FirstJobEmptyState />}
      {earnings.data && !nothingYet(earnings.data) && (
        <>
          <PayoutSections earnings={earnings.data} audience="fieldworker" />
          <PeriodChart earnings={earnings.data} period={period} onPeriod={setPeriod} audience="fieldworker" />
          <PaymentSections earnings={earnings.data} audience="fieldworker" />
        </>
      )}
    </>
  );
}
