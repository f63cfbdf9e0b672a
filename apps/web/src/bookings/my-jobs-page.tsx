// /app/jobs (fieldworker): your jobs, newest first, each with when, what, for whom, where its money stands and
// your share of it; and "Mark job done" once the customer has paid or saved a card, so what is due is charged.
import { Alert } from "@fieldpay/ui/alert";
import { EmptyState } from "@fieldpay/ui/empty-state";
import { Money } from "@fieldpay/ui/money";
import { PageHeader } from "@fieldpay/ui/page-header";
import { trpc } from "../lib/trpc.ts";
import { BookingStatusPill, formatWhen } from "./booking-status.tsx";
import { type BookingView, ledgerLineLabel } from "./ledger-words.ts";
import { MarkDoneForm } from "./mark-done-form.tsx";
import { PLAN_LABEL } from "./plan-words.ts";

function JobCard({ job: b }: { job: BookingView }) {
  const connect = b.payment !== null && b.payment.chargeType !== "direct";
  const headingId = `job-${b.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {b.serviceName} for {b.customer.name}
      </h2>
      <dl className="summary">
        <dt>When</dt>
        <dd>{formatWhen(b.startsAt)}</dd>
        <dt>Price</dt>
        <dd>
          <Money {...b.amount} />
          {b.job.finalAmount && b.job.finalAmount.amount !== b.amount.amount && (
            <span className="block muted">
              Final amount <Money {...b.job.finalAmount} />: {b.job.adjustmentReason}
            </span>
          )}
        </dd>
        <dt>How the customer pays</dt>
        <dd>{PLAN_LABEL[b.plan.plan]}</dd>
        <dt>Status</dt>
        <dd>
          <BookingStatusPill status={b.status} />
          {b.job.doneAt && (
            <span className="block muted">You marked it done {formatWhen(b.job.doneAt)}.</span>
          )}
        </dd>
        {connect && b.ledger.fieldworker && (
          <>
            <dt>Your share so far</dt>
            <dd>
              <Money {...b.ledger.fieldworker} />
            </dd>
          </>
        )}
      </dl>
      {connect && b.ledger.lines.length > 0 && (
        <ul className="ledger">
          {b.ledger.lines.map((line) => (
            <li key={`${line.kind}-${line.id}`}>
              <span>
                {ledgerLineLabel(line, b.plan.plan)}
                <span className="block muted">{formatWhen(line.occurredAt)}</span>
              </span>
              <span>
                {line.fieldworker ? <Money {...line.fieldworker} /> : "—"} to you, of{" "}
                <Money {...line.amount} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {b.job.canMarkDone && <MarkDoneForm booking={b} />}
      {!b.job.canMarkDone && !b.job.doneAt && b.canPay && (
        <p className="muted">You can mark it done once the customer has paid or saved a card for it.</p>
      )}
    </li>
  );
}

export function MyJobsPage() {
  const jobs = trpc.bookings.myJobs.useQuery();
  return (
    <>
      <PageHeader
        title="Your jobs"
        description="Your jobs, where their money stands and your share. Mark a job done when you finish it; the customer's card is then charged what is due."
      />
      {jobs.isError && (
        <Alert tone="danger" title="Could not load your jobs">
          {jobs.error.message}
        </Alert>
      )}
      {jobs.isPending && <p className="muted">Loading…</p>}
      {jobs.data?.length === 0 && (
        <EmptyState title="No jobs yet">
          When the business books a job with you, it shows here: when it is, for whom, and your share of what
          the customer pays.
        </EmptyState>
      )}
      <ul className="jobs">
        {jobs.data?.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </ul>
    </>
  );
}
