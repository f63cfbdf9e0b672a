// /app/payouts (admin): payout alerts (late, failed, paused payouts and held money of the business and of every
// fieldworker), what resolved itself, and "Check payouts now".
import { Alert, type AlertTone } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { FormError } from "@fieldpay/ui/form-error";
import { PageHeader } from "@fieldpay/ui/page-header";
import { errorInfo } from "../lib/errors.ts";
import { StripeId } from "../lib/stripe-id.tsx";
import { trpc } from "../lib/trpc.ts";
import { pollWhileRunning, StalledAlert } from "./check-progress.tsx";
import { DismissedAlerts } from "./dismissed-alerts.tsx";

const TONE: Record<"info" | "warning" | "critical", AlertTone> = {
  info: "info",
  warning: "warning",
  critical: "danger",
};
const day = (date: string | Date) => <When value={date} show="day" />;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function PayoutAlertsPage() {
  const utils = trpc.useUtils();
  const list = trpc.alerts.list.useQuery(undefined, {
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });
  const check = trpc.alerts.checkPayoutsNow.useMutation({ onSuccess: () => utils.alerts.list.invalidate() });
  const dismiss = trpc.alerts.setDismissed.useMutation({ onSettled: () => utils.alerts.list.invalidate() });
  const changing = dismiss.isPending ? (dismiss.variables?.alertId ?? null) : null;
  const checkError = errorInfo(check.error ?? dismiss.error);
  const stalled = list.data?.stalled === true;
  const running = check.isPending || (list.data?.running === true && !stalled);
  const last = list.data?.lastCheck;
  return (
    <>
      <PageHeader
        eyebrow="Troubleshooting"
        title="Payouts & alerts"
        description="fieldpay checks every 15 minutes that payouts reach your bank and your fieldworkers' banks on time."
        actions={
          <Button busy={running} busyLabel="Checking payouts…" onClick={() => check.mutate()}>
            Check payouts now
          </Button>
        }
      />
      <FormError message={checkError?.message} fix={checkError?.fix} />
      {stalled && <StalledAlert what="A payout check" />}
      {list.isError && (
        <Alert tone="danger" title="Could not load the payout alerts">
          {list.error.message}
        </Alert>
      )}
      {list.isPending && <p className="muted">Loading…</p>}
      {list.data && (
        <p className="muted">
          {last ? (
            <>
              Last checked <When value={last.finishedAt} relative />:{" "}
              {plural(last.accountsChecked, "Stripe account")} checked
              {last.accountsFailed > 0 && `, ${last.accountsFailed} could not be checked`},{" "}
              {plural(last.findings, "problem")} found.
            </>
          ) : (
            "Payouts have not been checked yet."
          )}
          {running && " Checking now…"}
        </p>
      )}
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open alerts</h2>
        {list.data?.open.length === 0 && list.data.dismissed.length === 0 && (
          <EmptyState title="No payout problems">
            Every payout fieldpay can see is on its way or has arrived. Alerts appear here when one is late,
            fails or is paused, and clear themselves once it is sorted.
          </EmptyState>
        )}
        {list.data?.open.length === 0 && list.data.dismissed.length > 0 && (
          <EmptyState title="Nothing needs your attention">
            The alerts you dismissed are listed below and still watched: one comes back here if it gets worse,
            and each clears itself once it is sorted.
          </EmptyState>
        )}
        {list.data?.open.map((alert) => (
          <Alert
            key={alert.id}
            tone={TONE[alert.severity]}
            title={`${alert.title}: ${alert.who}`}
            fix={alert.fix}
            actions={
              <Button
                variant="secondary"
                busy={changing === alert.id}
                busyLabel="Dismissing…"
                onClick={() => dismiss.mutate({ alertId: alert.id, dismissed: true })}
              >
                Dismiss
              </Button>
            }
          >
            <p>{alert.explanation}</p>
            <p className="muted">
              Since <When value={alert.since} show="day" relative />
              {alert.connected && alert.accountId && (
                <>
                  {" "}
                  · Stripe account <StripeId id={alert.accountId} />
                </>
              )}
              {alert.payoutId && (
                <>
                  {" "}
                  · payout{" "}
                  <StripeId id={alert.payoutId} onAccount={alert.connected ? alert.accountId : null} />
                </>
              )}
            </p>
          </Alert>
        ))}
      </section>
      <DismissedAlerts
        alerts={list.data?.dismissed ?? []}
        restoring={changing}
        onRestore={(alertId) => dismiss.mutate({ alertId, dismissed: false })}
      />
      {list.data && list.data.resolved.length > 0 && (
        <DataTable
          caption="Resolved"
          rows={list.data.resolved}
          rowKey={(a) => a.id}
          columns={[
            { key: "title", header: "Alert", cell: (a) => a.title, rowHeader: true },
            { key: "who", header: "Who", cell: (a) => a.who },
            { key: "since", header: "Since", cell: (a) => day(a.since) },
            { key: "resolved", header: "Resolved", cell: (a) => (a.resolvedAt ? day(a.resolvedAt) : "") },
          ]}
        />
      )}
    </>
  );
}
