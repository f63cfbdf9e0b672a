// One dispute for the admin: what the bank says and what that means, the deadline counting down, the money it
// moved, what evidence helps, and answering it (or, for a Standard account, who answers it instead).
import { Alert } from "@fieldpay/ui/alert";
import { Money } from "@fieldpay/ui/money";
import { StatusPill } from "@fieldpay/ui/status-pill";
import { useId } from "react";
import { Link } from "react-router";
import { formatWhen } from "../bookings/booking-status.tsx";
import { Countdown } from "./countdown.tsx";
import { type DisputeView, disputeTone } from "./dispute-words.ts";
import { EvidenceForm } from "./evidence-form.tsx";

function MoneyRows({ dispute: d }: { dispute: DisputeView }) {
  return (
    <>
      <dt>Taken by the bank</dt>
      <dd>
        <Money {...d.withdrawn} />
        {d.stripeFee.amount > 0 && (
          <span className="block muted">
            Stripe's dispute fee: <Money {...d.stripeFee} />
          </span>
        )}
      </dd>
      {d.reinstated.amount > 0 && (
        <>
          <dt>Returned to you</dt>
          <dd>
            <Money {...d.reinstated} />
          </dd>
        </>
      )}
      {d.shareReversed && (
        <>
          <dt>Fieldworker's share</dt>
          <dd>
            <Money {...d.shareReversed} /> taken back from the fieldworker
            {d.shareResent ? ", and sent to them again after the win." : "."}
          </dd>
        </>
      )}
    </>
  );
}

export function DisputeCard({ dispute: d }: { dispute: DisputeView }) {
  const heading = useId();
  return (
    <section className="card dispute-card" aria-labelledby={heading}>
      <h2 id={heading}>
        Dispute of <Money {...d.amount} />: {d.reason.label}
      </h2>
      <p>
        <StatusPill tone={disputeTone(d)}>{d.statusWords}</StatusPill>
        {d.needsResponse && d.dueBy && (
          <>
            {" "}
            <Countdown dueBy={d.dueBy} />
          </>
        )}
      </p>
      <dl className="summary">
        <dt>What the bank says</dt>
        <dd>{d.reason.meaning}</dd>
        <dt>Booking</dt>
        <dd>
          <Link to={`/app/bookings/${d.bookingId}`}>
            {d.serviceName} for {d.customerName}
          </Link>{" "}
          <span className="muted">({formatWhen(d.startsAt)})</span>
        </dd>
        <dt>Opened</dt>
        <dd>{formatWhen(d.openedAt)}</dd>
        <MoneyRows dispute={d} />
      </dl>
      {d.handledBy && (
        <Alert tone="info" title="The fieldworker's account handles it">
          {d.handledBy}
        </Alert>
      )}
      {d.evidenceSubmittedAt && (
        <Alert tone="success" title="Evidence submitted">
          Sent to the bank on {formatWhen(d.evidenceSubmittedAt)}. Banks usually decide within 60 to 75 days;
          fieldpay shows the outcome here as soon as Stripe tells it.
        </Alert>
      )}
      {d.canRespond && (
        <>
          <h3>What helps for this reason</h3>
          <ul className="evidence-tips">
            {d.reason.evidence.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
          <EvidenceForm dispute={d} />
        </>
      )}
      <p>
        <a href={d.dashboardUrl} target="_blank" rel="noreferrer">
          Open this dispute in the Stripe Dashboard
        </a>
      </p>
    </section>
  );
}
