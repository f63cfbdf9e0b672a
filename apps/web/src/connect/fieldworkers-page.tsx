// /app/fieldworkers (admin): every fieldworker with where their Stripe account stands, the invite form, and the
// invitations sent (open ones can be withdrawn).
import { Alert } from "@fieldpay/ui/alert";
import { DataTable } from "@fieldpay/ui/data-table";
import { PageHeader } from "@fieldpay/ui/page-header";
import { Link } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { FieldworkerStatusPill, yesNo } from "./fieldworker-status-pill.tsx";
import { InvitationsTable, InviteForm } from "./invite-form.tsx";

export function FieldworkersPage() {
  const list = trpc.fieldworkers.list.useQuery();
  const settings = trpc.paymentSettings.get.useQuery();
  const direct = settings.data?.settings?.mode === "direct";
  return (
    <>
      <PageHeader
        title="Fieldworkers"
        description="Invite fieldworkers, see whether Stripe lets them take payments and payouts, and open one for their money."
      />
      {list.isError && <p role="alert">{list.error.message}</p>}
      <DataTable
        caption="Fieldworkers"
        hideCaption
        rows={list.data ?? []}
        rowKey={(f) => f.id}
        emptyMessage={list.isPending ? "Loading…" : "No fieldworkers yet. Invite your first below."}
        columns={[
          {
            key: "name",
            header: "Fieldworker",
            rowHeader: true,
            cell: (f) => <Link to={`/app/fieldworkers/${f.id}`}>{f.name}</Link>,
          },
          { key: "email", header: "Email", cell: (f) => f.email },
          {
            key: "status",
            header: "Stripe account",
            cell: (f) => <FieldworkerStatusPill status={f.status} />,
          },
          { key: "charges", header: "Card payments", cell: (f) => yesNo(f.chargesEnabled) },
          { key: "payouts", header: "Payouts", cell: (f) => yesNo(f.payoutsEnabled) },
          {
            key: "commission",
            header: "Commission",
            cell: (f) =>
              f.commission
                ? `${f.commission.percent}% + ${f.commission.fixed} ${f.commission.currency.toUpperCase()}${
                    f.commission.source === "fieldworker" ? " (own rate)" : ""
                  }`
                : "—",
          },
        ]}
      />
      {direct ? (
        <Alert
          tone="info"
          title="Invitations need Stripe Connect"
          actions={
            <Link className="btn btn-primary" to="/app/settings/payments">
              Open payment settings
            </Link>
          }
        >
          Your business takes payments with Stripe alone, which has no way to pay fieldworkers their share. To
          invite them, open Settings › Payment integration, choose Stripe Connect and save.
        </Alert>
      ) : (
        <InviteForm />
      )}
      <InvitationsTable />
    </>
  );
}
