// /app/bookings: every booking with its payment status and, for Stripe Connect, how the payment was split.
import { DataTable } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { PageHeader } from "@fieldpay/ui/page-header";
import { Link } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { BookingStatusPill, formatWhen } from "./booking-status.tsx";

export function BookingsPage() {
  const bookings = trpc.bookings.list.useQuery();
  const rows = bookings.data ?? [];
  const split = rows.some((b) => b.payment?.split);
  return (
    <>
      <PageHeader
        title="Bookings"
        description="Bookings from your booking page and where each payment stands."
      />
      {bookings.isError && <p role="alert">{bookings.error.message}</p>}
      <DataTable
        caption="Bookings"
        hideCaption
        rows={rows}
        rowKey={(b) => b.id}
        emptyMessage={bookings.isPending ? "Loading…" : "No bookings yet."}
        columns={[
          {
            key: "when",
            header: "When",
            rowHeader: true,
            cell: (b) => <Link to={`/app/bookings/${b.id}`}>{formatWhen(b.startsAt)}</Link>,
          },
          { key: "customer", header: "Customer", cell: (b) => b.customer.name },
          { key: "service", header: "Service", cell: (b) => b.serviceName },
          { key: "fieldworker", header: "Fieldworker", cell: (b) => b.fieldworkerName ?? "—" },
          { key: "amount", header: "Amount", align: "right", cell: (b) => <Money {...b.amount} /> },
          { key: "status", header: "Status", cell: (b) => <BookingStatusPill status={b.status} /> },
          ...(split
            ? [
                {
                  key: "fee",
                  header: "Your commission",
                  align: "right" as const,
                  cell: (b: (typeof rows)[number]) =>
                    b.payment?.split ? <Money {...b.payment.split.applicationFee} /> : "—",
                },
                {
                  key: "net",
                  header: "To the fieldworker",
                  align: "right" as const,
                  cell: (b: (typeof rows)[number]) =>
                    b.payment?.split ? <Money {...b.payment.split.fieldworkerNet} /> : "—",
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
