import { DataTable } from "@fieldpay/ui/data-table";
import { PageHeader } from "@fieldpay/ui/page-header";
import { trpc } from "../lib/trpc.ts";

export function CustomersPage() {
  const customers = trpc.people.customers.useQuery();
  return (
    <>
      <PageHeader title="Customers" description="People who signed up on your booking page." />
      {customers.isError && <p role="alert">{customers.error.message}</p>}
      <DataTable
        caption="Customers"
        hideCaption
        rows={customers.data ?? []}
        rowKey={(c) => c.id}
        emptyMessage={
          customers.isPending ? "Loading…" : "No customers yet. Share your booking page to get your first."
        }
        columns={[
          { key: "name", header: "Name", cell: (c) => c.name, rowHeader: true },
          { key: "email", header: "Email", cell: (c) => c.email },
          { key: "since", header: "Since", cell: (c) => new Date(c.createdAt).toLocaleDateString() },
        ]}
      />
    </>
  );
}
