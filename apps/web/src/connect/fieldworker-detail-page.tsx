// /app/fieldworkers/:id (admin): one fieldworker's Stripe account, commission, and money with totals per period.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { When } from "@fieldpay/ui/dates";
import { FormError } from "@fieldpay/ui/form-error";
import { PageHeader } from "@fieldpay/ui/page-header";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { StripeId } from "../lib/stripe-id.tsx";
import { trpc } from "../lib/trpc.ts";
import { AccountStatusCard } from "./account-status-card.tsx";
import { CommissionForm } from "./commission-form.tsx";
import { PaymentSections, PayoutSections, PeriodChart, UNPAYABLE } from "./earnings-sections.tsx";
import type { Period } from "./types.ts";

export function FieldworkerDetailPage() {
  const { fieldworkerId = "" } = useParams();
  const [period, setPeriod] = useState<Period>("month");
  const utils = trpc.useUtils();
  const detail = trpc.fieldworkers.get.useQuery({ fieldworkerId, period });
  const refresh = trpc.fieldworkers.refreshStatus.useMutation({
    onSuccess: () => utils.fieldworkers.invalidate(),
  });
  const refreshError = errorInfo(refresh.error);
  if (detail.isPending) return <p className="muted">Loading…</p>;
  if (detail.isError)
    return (
      <Alert
        tone="danger"
        title="Could not load this fieldworker"
        fix={<Link to="/app/fieldworkers">Back to fieldworkers</Link>}
      >
        {detail.error.message}
      </Alert>
    );
  const { fieldworker, account, accountId, commission, earnings } = detail.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/app/fieldworkers">Fieldworkers</Link>}
        title={fieldworker.name}
        description={
          <>
            {fieldworker.email}
            {accountId && (
              <>
                {" "}
                · Stripe account <StripeId id={accountId} />
              </>
            )}
          </>
        }
      />
      <AccountStatusCard
        account={account}
        audience="admin"
        actions={
          account.connected && (
            <Button
              variant="secondary"
              busy={refresh.isPending}
              busyLabel="Asking Stripe…"
              onClick={() => refresh.mutate({ fieldworkerId })}
            >
              Refresh status from Stripe
            </Button>
          )
        }
      />
      <FormError message={refreshError?.message} fix={refreshError?.fix} />
      {earnings.alerts
        .filter((a) => a.kind === UNPAYABLE)
        .map((a) => (
          <Alert key={a.id} tone="warning" title={a.title} fix={a.fix}>
            {a.explanation} (Since <When value={a.since} relative />
            .)
          </Alert>
        ))}
      {commission && <CommissionForm fieldworkerId={fieldworker.id} commission={commission} />}
      <PeriodChart earnings={earnings} period={period} onPeriod={setPeriod} audience="admin" />
      <PayoutSections earnings={earnings} audience="admin" />
      <PaymentSections earnings={earnings} audience="admin" />
    </>
  );
}
