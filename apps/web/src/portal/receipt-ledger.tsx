// The receipt's money, line by line: each charge and refund with its date, a hold not yet captured, the job's
// final amount and why it changed, and what is left to pay.
import { Money } from "@fieldpay/ui/money";
import { formatWhen } from "../bookings/booking-status.tsx";
import { type BookingView, ledgerLineLabel, leftToPay } from "../bookings/ledger-words.ts";

function HeldLine({ b }: { b: BookingView }) {
  return (
    <li>
      <span>
        <strong>Held on card</strong> (not charged)
        <span className="block muted">
          {b.plan.holdExpiresAt
            ? `Captured when the job is done; the hold lasts until ${formatWhen(b.plan.holdExpiresAt)}.`
            : "Captured when the job is done."}
        </span>
      </span>
      <Money {...b.amount} />
    </li>
  );
}

export function ReceiptLedger({ booking: b }: { booking: BookingView }) {
  const held = b.status === "authorized" && !b.plan.holdLapsed;
  const final = b.job.finalAmount;
  const left = leftToPay(b);
  if (b.ledger.lines.length === 0 && !held && !b.job.doneAt) return null;
  return (
    <section className="card" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Payments</h2>
      <ul className="ledger">
        {b.ledger.lines.map((line) => (
          <li key={line.id}>
            <span>
              <strong>{ledgerLineLabel(line, b.plan.plan)}</strong>
              <span className="block muted">{formatWhen(line.occurredAt)}</span>
            </span>
            <Money {...line.amount} />
          </li>
        ))}
        {held && <HeldLine b={b} />}
      </ul>
      <dl className="totals">
        {final && final.amount !== b.amount.amount && (
          <>
            <dt>Final amount</dt>
            <dd>
              <Money {...final} />
              {b.job.adjustmentReason && <span className="block muted">{b.job.adjustmentReason}</span>}
            </dd>
          </>
        )}
        <dt>Paid</dt>
        <dd className="total">
          <Money {...b.ledger.net} />
        </dd>
        {b.job.doneAt && left.amount > 0 && (
          <>
            <dt>Left to pay</dt>
            <dd>
              <Money {...left} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
