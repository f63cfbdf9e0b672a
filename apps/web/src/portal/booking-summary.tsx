import type { AppRouter } from "@fieldpay/api/router";
import { When } from "@fieldpay/ui/dates";
import { Money } from "@fieldpay/ui/money";
import { StatusPill } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { BookingStatusPill } from "../bookings/booking-status.tsx";
import { cardWords } from "./card-words.ts";

export type BookingView = inferRouterOutputs<AppRouter>["bookings"]["get"];

/**
 * What was booked, when, with whom, for how much, and where it stands. `confirming`: the customer has just paid
 * and Stripe's confirmation has not arrived yet, so the status says so rather than "Awaiting payment".
 */
export function BookingSummary({
  booking,
  confirming = false,
}: {
  booking: BookingView;
  confirming?: boolean;
}) {
  const { receipt } = booking;
  return (
    <dl className="summary">
      <dt>Receipt number</dt>
      <dd className="receipt-number">{receipt.number}</dd>
      <dt>Service</dt>
      <dd>
        {booking.serviceName} ({booking.durationMinutes} min)
      </dd>
      <dt>When</dt>
      <dd>
        <When value={booking.startsAt} />
      </dd>
      {booking.fieldworkerName && (
        <>
          <dt>Fieldworker</dt>
          <dd>{booking.fieldworkerName}</dd>
        </>
      )}
      <dt>Total</dt>
      <dd className="total">
        <Money amount={booking.amount.amount} currency={booking.amount.currency} />
      </dd>
      <dt>How you pay</dt>
      <dd>
        {booking.plan.summary}
        {booking.plan.deposit && (
          <span className="block muted">
            Deposit: <Money {...booking.plan.deposit} />
          </span>
        )}
      </dd>
      {receipt.paidAt && (
        <>
          <dt>Paid on</dt>
          <dd>
            <When value={receipt.paidAt} />
          </dd>
        </>
      )}
      {receipt.card && (
        <>
          <dt>Card</dt>
          <dd>{cardWords(receipt.card)}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>
        {confirming ? (
          <StatusPill tone="neutral">Being confirmed by Stripe</StatusPill>
        ) : (
          <BookingStatusPill status={booking.status} />
        )}
      </dd>
    </dl>
  );
}

/** Whom the customer asks about the booking: the business, by name, with its email. */
export function BusinessContact({ booking }: { booking: BookingView }) {
  const { business } = booking.receipt;
  return (
    <p className="receipt-contact">
      Questions about this booking? Contact {business.name}
      {business.email && (
        <>
          {" "}
          at <a href={`mailto:${business.email}`}>{business.email}</a>
        </>
      )}
      .
    </p>
  );
}
