// The admin's view of a booking's ledger: every charge and refund with who received (or gave back) what and its
// Stripe id, and the booking's totals. Amount = your business's share + the fieldworker's, on every row.
import { DataTable, type DataTableColumn } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { StripeId } from "../lib/stripe-id.tsx";
import { formatWhen } from "./booking-status.tsx";
import { type BookingView, type LedgerLine, ledgerLineLabel } from "./ledger-words.ts";

type Row = { line: LedgerLine } | { total: BookingView["ledger"] };

const share = (money: { amount: number; currency: string } | null) => (money ? <Money {...money} /> : "—");

export function LedgerTable({ booking: b }: { booking: BookingView }) {
  const rows: Row[] = [...b.ledger.lines.map((line) => ({ line })), { total: b.ledger }];
  const columns: DataTableColumn<Row>[] = [
    {
      key: "what",
      header: "What",
      rowHeader: true,
      cell: (r) => ("line" in r ? ledgerLineLabel(r.line, b.plan.plan) : "Total"),
    },
    { key: "when", header: "When", cell: (r) => ("line" in r ? formatWhen(r.line.occurredAt) : "") },
    {
      key: "amount",
      header: "Amount",
      align: "right",
      cell: (r) => <Money {...("line" in r ? r.line.amount : r.total.net)} />,
    },
    {
      key: "business",
      header: "Your business",
      align: "right",
      cell: (r) => share("line" in r ? r.line.business : r.total.business),
    },
    {
      key: "fieldworker",
      header: "Fieldworker",
      align: "right",
      cell: (r) => share("line" in r ? r.line.fieldworker : r.total.fieldworker),
    },
    {
      key: "stripe",
      header: "Stripe id",
      cell: (r) =>
        "line" in r && r.line.stripeId ? (
          <StripeId id={r.line.stripeId} onAccount={r.line.stripeAccount} />
        ) : (
          ""
        ),
    },
  ];
  return (
    <DataTable
      caption="Ledger: charges and refunds"
      rows={rows}
      rowKey={(r) => ("line" in r ? `${r.line.kind}-${r.line.id}` : "total")}
      columns={columns}
    />
  );
}
