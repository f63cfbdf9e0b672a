import type { AppRouter } from "@fieldpay/api/router";
import { DataTable, type DataTableColumn } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { Status } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { formatWhen } from "./booking-status.tsx";
import { REFUND_REASON_WORDS } from "./ledger-words.ts";

type Payment = NonNullable<inferRouterOutputs<AppRouter>["bookings"]["get"]["payment"]>;
type Refund = Payment["refunds"][number];

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** The refunds of a payment; for Connect payments also what each one did with the commission and the transfer. */
export function RefundsTable({ payment }: { payment: Payment }) {
  const columns: DataTableColumn<Refund>[] = [
    { key: "when", header: "When", rowHeader: true, cell: (r) => formatWhen(r.createdAt) },
    { key: "amount", header: "Amount", align: "right", cell: (r) => <Money {...r.amount} /> },
    { key: "status", header: "Status", cell: (r) => <Status kind="refund" status={r.status} /> },
    {
      key: "reason",
      header: "Reason",
      cell: (r) => (r.reason ? REFUND_REASON_WORDS[r.reason] : "Not given"),
    },
  ];
  if (payment.chargeType !== "direct") {
    columns.push(
      { key: "fee", header: "Commission refunded", cell: (r) => yesNo(r.refundApplicationFee) },
      { key: "transfer", header: "Transfer reversed", cell: (r) => yesNo(r.reverseTransfer) },
    );
  }
  return <DataTable caption="Refunds" rows={payment.refunds} rowKey={(r) => r.id} columns={columns} />;
}
