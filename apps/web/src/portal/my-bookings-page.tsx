import { DataTable } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { Link } from "react-router";
import { BookingStatusPill, formatWhen } from "../bookings/booking-status.tsx";
import { trpc } from "../lib/trpc.ts";
import { RequireCustomer } from "./require-customer.tsx";
import { usePortalSlug } from "./use-portal-business.ts";

function MyBookings() {
  const slug = usePortalSlug();
  const bookings = trpc.bookings.mine.useQuery();
  return (
    <>
      <h1>My bookings</h1>
      {bookings.isError && <p role="alert">{bookings.error.message}</p>}
      <DataTable
        caption="My bookings"
        hideCaption
        rows={bookings.data ?? []}
        rowKey={(b) => b.id}
        emptyMessage={bookings.isPending ? "Loading…" : "No bookings yet."}
        columns={[
          {
            key: "service",
            header: "Service",
            rowHeader: true,
            cell: (b) => <Link to={`/book/${slug}/bookings/${b.id}`}>{b.serviceName}</Link>,
          },
          { key: "when", header: "When", cell: (b) => formatWhen(b.startsAt) },
          { key: "total", header: "Total", align: "right", cell: (b) => <Money {...b.amount} /> },
          { key: "status", header: "Status", cell: (b) => <BookingStatusPill status={b.status} /> },
        ]}
      />
    </>
  );
}

export function MyBookingsPage() {
  return (
    <RequireCustomer>
      <MyBookings />
    </RequireCustomer>
  );
}
