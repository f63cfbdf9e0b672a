// /app/outbox (admin, development): the emails the worker delivered to the dev outbox (and those on their way),
// with their links clickable.
import { Alert } from "@fieldpay/ui/alert";
import { When } from "@fieldpay/ui/dates";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { PageHeader } from "@fieldpay/ui/page-header";
import { trpc } from "../lib/trpc.ts";

// The plain-text part writes a link as "text [https://…]".
const LINK = /(https?:\/\/[^\s\]]+)/;

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
  const outbox = trpc.fieldworkers.outbox.useQuery(undefined, {
    // The worker renders and delivers each email within a second or so: follow until none is on its way.
    refetchInterval: (query) =>
      query.state.data?.some((m) => m.status === "queued" || m.status === "sending") ? 1000 : false,
  });
  return (
    <>
      <PageHeader
        title="Outbox (development)"
        description="Emails are not delivered in development: the worker writes them here, and prints their links in its log."
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
            {mail.status === "delivered"
              ? ""
              : ` · ${mail.status === "failed" ? "not delivered" : "on its way"}`}
          </p>
          <Body text={mail.body} />
        </article>
      ))}
    </>
  );
}
