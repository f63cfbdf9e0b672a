import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";
import { FormError } from "@fieldpay/ui/form-error";
import { PageHeader } from "@fieldpay/ui/page-header";
import { ResetLinkDelivery } from "../connect/delivery-status.tsx";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";

export function CustomersPage() {
  const customers = trpc.people.customers.useQuery();
  // A customer who cannot sign in calls the business: the admin sends them a link to choose a new password.
  const reset = trpc.people.sendPasswordReset.useMutation();
  const error = errorInfo(reset.error);
  return (
    <>
      <PageHeader title="Customers" description="People who signed up on your booking page." />
      {customers.isError && <p role="alert">{customers.error.message}</p>}
      <FormError message={error?.message} fix={error?.fix} />
      {reset.isSuccess && (
        <Alert tone="success" title={`Password reset link sent to ${reset.data.email}`}>
          It works once and expires in an hour; their old password keeps working until they use it.
          <ResetLinkDelivery resetId={reset.data.resetId} />
        </Alert>
      )}
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
          { key: "since", header: "Since", cell: (c) => <When value={c.createdAt} show="day" /> },
          {
            key: "actions",
            header: "",
            cell: (c) => (
              <Button
                variant="secondary"
                busy={reset.isPending && reset.variables?.customerId === c.id}
                busyLabel="Sending…"
                onClick={() => reset.mutate({ customerId: c.id })}
              >
                Send password reset
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
