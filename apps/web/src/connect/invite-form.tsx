import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { FormError } from "@fieldpay/ui/form-error";
import { Status } from "@fieldpay/ui/status-pill";
import { TextField } from "@fieldpay/ui/text-field";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { OUTBOX_HREF } from "../app/nav.ts";
import { useMe } from "../auth/use-me.ts";
import { errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { EmailDeliveryStatus, followDelivery } from "./delivery-status.tsx";

const FIELDS = [
  { name: "name", label: "Name" },
  { name: "email", label: "Email" },
] as const;

export function InviteForm() {
  const me = useMe();
  const utils = trpc.useUtils();
  const invite = trpc.fieldworkers.invite.useMutation({ onSuccess: () => utils.fieldworkers.invalidate() });
  const fields = formErrors("invite", errorInfo(invite.error), FIELDS);
  const connect = trpc.paymentSettings.get.useQuery().data?.settings?.mode === "connect";
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? "") },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form className="card invite-form" onSubmit={submit} noValidate>
      <h2>Invite a fieldworker</h2>
      <p className="muted">
        They get an email with a link that works once and expires in 7 days.{" "}
        {connect
          ? "After choosing a password they set up payouts with Stripe."
          : "After choosing a password they see the jobs you give them and mark them done. With Stripe (not Connect) every payment goes to your business's Stripe account, so they set up nothing with Stripe; to pay them their share through Stripe, choose Stripe Connect under Payment integration."}
      </p>
      <ErrorSummary {...fields.summary} />
      <div className="field-row">
        <TextField {...fields.field("name")} autoComplete="off" required />
        <TextField {...fields.field("email")} type="email" autoComplete="off" required />
      </div>
      {invite.isSuccess && (
        <Alert tone="success" title={`Invitation sent to ${invite.data.email}`}>
          {me.data?.emailOutbox ? (
            <>
              In development, emails land in the <Link to={OUTBOX_HREF}>Outbox</Link> instead of being
              delivered.
            </>
          ) : (
            "It usually arrives within minutes. If it does not, ask them to look in their spam folder, or send a new invitation (the old link then stops working)."
          )}
        </Alert>
      )}
      <Button type="submit" busy={invite.isPending} busyLabel="Sending…">
        Send invitation
      </Button>
    </form>
  );
}

type InvitationRow = { email: string; state: string; createdAt: string };

/** A withdrawn invitation with a newer one to the same address (ISO times compare as text) was replaced. */
function shownState(invitation: InvitationRow, all: InvitationRow[]): string {
  const newer = all.some((o) => o.email === invitation.email && o.createdAt > invitation.createdAt);
  return invitation.state === "revoked" && newer ? "replaced" : invitation.state;
}

export function InvitationsTable() {
  const utils = trpc.useUtils();
  const invitations = trpc.fieldworkers.invitations.useQuery(undefined, {
    refetchInterval: (q) => followDelivery((q.state.data ?? []).map((i) => i.delivery)),
  });
  const revoke = trpc.fieldworkers.revokeInvitation.useMutation({
    onSuccess: () => utils.fieldworkers.invalidate(),
  });
  const resend = trpc.fieldworkers.resendInvitation.useMutation({
    onSuccess: () => utils.fieldworkers.invalidate(),
  });
  const error = errorInfo(revoke.error ?? resend.error);
  return (
    <section className="card">
      <FormError message={error?.message} fix={error?.fix} />
      <DataTable
        caption="Invitations"
        rows={invitations.data ?? []}
        rowKey={(i) => i.id}
        emptyMessage={invitations.isPending ? "Loading…" : "No invitations sent yet."}
        columns={[
          {
            key: "who",
            header: "Invited",
            rowHeader: true,
            cell: (i) => (
              <>
                {`${i.name} <${i.email}>`}
                <EmailDeliveryStatus delivery={i.delivery} />
              </>
            ),
          },
          {
            key: "state",
            header: "Status",
            cell: (i) => <Status kind="invitation" status={shownState(i, invitations.data ?? [])} />,
          },
          { key: "expires", header: "Link expires", cell: (i) => <When value={i.expiresAt} show="day" /> },
          {
            key: "actions",
            header: "",
            cell: (i) =>
              i.state === "accepted" ? null : (
                <div className="actions">
                  <Button
                    variant="secondary"
                    busy={resend.isPending && resend.variables?.invitationId === i.id}
                    busyLabel="Sending…"
                    onClick={() => resend.mutate({ invitationId: i.id })}
                  >
                    Send again
                  </Button>
                  {i.state === "open" && (
                    <Button
                      variant="secondary"
                      busy={revoke.isPending && revoke.variables?.invitationId === i.id}
                      busyLabel="Withdrawing…"
                      onClick={() => revoke.mutate({ invitationId: i.id })}
                    >
                      Withdraw
                    </Button>
                  )}
                </div>
              ),
          },
        ]}
      />
    </section>
  );
}
