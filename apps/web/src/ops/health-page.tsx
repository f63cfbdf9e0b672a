// /app/health (admin): the latest troubleshooting report, its history, and "Run checks now".
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { FormError } from "@fieldpay/ui/form-error";
import { PageHeader } from "@fieldpay/ui/page-header";
import { CheckStatusPill } from "@fieldpay/ui/status-pill";
import { useState } from "react";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { CheckList } from "./check-list.tsx";
import { pollWhileRunning, StalledAlert } from "./check-progress.tsx";

const TRIGGER = {
  scheduled: "Hourly check",
  manual: "Asked for",
  settings_changed: "After a settings change",
};
const when = (date: string | Date) => <When value={date} />;

export function HealthPage() {
  const utils = trpc.useUtils();
  // While a report is being made the list is asked for again every couple of seconds, until it appears.
  const list = trpc.healthReports.list.useQuery(undefined, {
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });
  const run = trpc.healthReports.runNow.useMutation({
    onSuccess: () => utils.healthReports.list.invalidate(),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const runError = errorInfo(run.error);
  const reports = list.data?.reports ?? [];
  const shown = reports.find((r) => r.id === selectedId) ?? reports[0];
  const stalled = list.data?.stalled === true;
  const running = run.isPending || (list.data?.running === true && !stalled);
  const runButton = (
    <Button busy={running} busyLabel="Checking…" onClick={() => run.mutate()}>
      Run checks now
    </Button>
  );
  return (
    <>
      <PageHeader
        eyebrow="Troubleshooting"
        title="Health"
        description="fieldpay checks your Stripe setup every hour, after every change to your payment settings, and whenever you ask."
        actions={runButton}
      />
      <FormError message={runError?.message} fix={runError?.fix} />
      {running && (
        <Alert tone="info" title="Checks are running">
          The new report appears here as soon as they finish.
        </Alert>
      )}
      {stalled && <StalledAlert what="A health check" />}
      {list.isError && (
        <Alert tone="danger" title="Could not load the health reports">
          {list.error.message}
        </Alert>
      )}
      {list.isPending && <p className="muted">Loading…</p>}
      {list.data && !shown && (
        <EmptyState title="No health report yet" action={runButton}>
          Run the checks to see whether your keys, your Stripe account, your fieldworkers and your webhooks
          are ready.
        </EmptyState>
      )}
      {shown && (
        <section className="card" aria-labelledby="report-heading">
          <h2 id="report-heading">
            {shown.id === reports[0]?.id ? "Latest report" : "Earlier report"}{" "}
            <CheckStatusPill status={shown.status} />
          </h2>
          <p className="muted">
            <When value={shown.createdAt} relative /> · {TRIGGER[shown.trigger]}
          </p>
          <CheckList checks={shown.checks} />
        </section>
      )}
      {reports.length > 1 && (
        <DataTable
          caption="History"
          rows={reports}
          rowKey={(r) => r.id}
          columns={[
            { key: "when", header: "When", cell: (r) => when(r.createdAt), rowHeader: true },
            { key: "trigger", header: "Why", cell: (r) => TRIGGER[r.trigger] },
            { key: "status", header: "Result", cell: (r) => <CheckStatusPill status={r.status} /> },
            {
              key: "problems",
              header: "Problems",
              align: "right",
              cell: (r) => r.checks.filter((c) => c.status !== "pass").length,
            },
            {
              key: "view",
              header: <span className="visually-hidden">View</span>,
              cell: (r) =>
                r.id === shown?.id ? (
                  <span className="muted">Shown above</span>
                ) : (
                  <Button variant="secondary" onClick={() => setSelectedId(r.id)}>
                    View
                  </Button>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
