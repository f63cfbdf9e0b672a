// /app/earnings (fieldworker): earnings per period, upcoming and past payouts, and why a payout is late.
import { PageHeader } from "@fieldpay/ui/page-header";
import { useState } from "react";
import { trpc } from "../lib/trpc.ts";
import { PaymentSections, PayoutSections, PeriodChart } from "./earnings-sections.tsx";
import type { Period } from "./types.ts";

export function MyEarningsPage() {
  const [period, setPeriod] = useState<Period>("month");
  const earnings = trpc.fieldworkers.myEarnings.useQuery({ period });
  return (
    <>
      <PageHeader
        title="Earnings and payouts"
        description="What you earned per job and when Stripe pays it out to your bank."
      />
      {earnings.isError && <p role="alert">{earnings.error.message}</p>}
      {earnings.isPending && <p className="muted">Loading…</p>}
      {earnings.data && (
        <>
          <PayoutSections earnings={earnings.data} />
          <PeriodChart earnings={earnings.data} period={period} onPeriod={setPeriod} audience="fieldworker" />
          <PaymentSections earnings={earnings.data} />
        </>
      )}
    </>
  );
}
