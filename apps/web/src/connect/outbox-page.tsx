// /app/outbox (admin, development): the emails the outbox transport "sent", with their links clickable.

import { Alert } from "@fieldpay/ui/alert";
import { When } from "@fieldpay/ui/dates";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { PageHeader } from "@fieldpay/ui/page-header";
import { trpc } from "../lib/trpc.ts";

const LINK = /(https?:\/\/\S+)/;

function Body({ text }: { text: string }) {
  return (
    <pre className="outbox-body">
      {text.split(LINK).map((part, i) =>
        LINK.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function OutboxPage() {
  const outbox = trpc.fieldworkers.outbox.useQuery();
  return (
    <>
      <PageHeader
        title="Outbox (development)"
        description="Emails are not delivered in development: they land here, and their links are printed in the api's log."
      />
      {outbox.isError && <Alert tone="info" title={outbox.error.message} />}
      {outbox.data?.length === 0 && (
        <EmptyState title="No emails yet">Invite a fieldworker to see one here.</EmptyState>
      )}
      {outbox.data?.map((mail) => (
        <article className="card outbox-email" key={mail.id}>
          <h2>{mail.subject}</h2>
          <p className="muted">
            To {mail.to}, <When value={mail.sentAt} relative />
          </p>
          <Body text={mail.body} />
        </article>
      ))}
    </>
  );
}
