// /app/disputes: every dispute of the business, the ones waiting for evidence first, each with its deadline
// (beside the customer, so a phone shows it without scrolling the table).
import { formatMoney } from "@fieldpay/payments/money/format";
import { Alert } from "@fieldpay/ui/alert";
import { DataTable } from "@fieldpay/ui/data-table";
import { PageHeader } from "@fieldpay/ui/page-header";
import { StatusPill } from "@fieldpay/ui/status-pill";
import { Link } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { Countdown } from "./countdown.tsx";
import { type DisputeView, disputeTone } from "./dispute-words.ts";

const waitingFirst = (a: DisputeView, b: DisputeView) =>
  Number(b.canRespond) - Number(a.canRespond) ||
  new Date(a.dueBy ?? 0).getTime() - new Date(b.dueBy ?? 0).getTime();

export function DisputesPage() {
  const disputes = trpc.disputes.list.useQuery();
  return (
    <>
      <PageHeader
        eyebrow="Payments"
        title="Disputes"
        description="When a customer asks their bank to take a payment back, answer with evidence before the deadline: an unanswered dispute is lost."
      />
      {disputes.isPending && <p className="muted">Loading…</p>}
      {disputes.isError && (
        <Alert tone="danger" title="Could not load disputes">
          {disputes.error.message}
        </Alert>
      )}
      {disputes.data && (
        <DataTable
          caption="Disputes"
          hideCaption
          rows={[...disputes.data].sort(waitingFirst)}
          rowKey={(d) => d.id}
          emptyMessage="No disputes. If a customer's bank opens one, it shows here and you get an email."
          columns={[
            {
              key: "customer",
              header: "Customer",
              rowHeader: true,
              cell: (d) => <Link to={`/app/disputes/${d.id}`}>{d.customerName}</Link>,
            },
            {
              key: "due",
              header: "Deadline",
              cell: (d) =>
                d.canRespond && d.dueBy ? (
                  <Countdown dueBy={d.dueBy} compact />
                ) : d.handledBy ? (
                  "Fieldworker's account"
                ) : (
                  "—"
                ),
            },
            { key: "service", header: "Service", cell: (d) => d.serviceName },
            {
              key: "amount",
              header: "Amount",
              align: "right",
              cell: (d) => formatMoney(d.amount.amount, d.amount.currency),
            },
            { key: "reason", header: "Reason", cell: (d) => d.reason.label },
            {
              key: "status",
              header: "Status",
              cell: (d) => <StatusPill tone={disputeTone(d)}>{d.statusWords}</StatusPill>,
            },
          ]}
        />
      )}
    </>
  );
}
