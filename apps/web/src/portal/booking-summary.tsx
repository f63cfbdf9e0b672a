import type { AppRouter } from "@fieldpay/api/router";
import { Money } from "@fieldpay/ui/money";
import type { inferRouterOutputs } from "@trpc/server";
import { BookingStatusPill, formatWhen } from "../bookings/booking-status.tsx";

export type BookingView = inferRouterOutputs<AppRouter>["bookings"]["get"];

/** What was booked, when, with whom, for how much, and where it stands. */
export function BookingSummary({ booking }: { booking: BookingView }) {
  return (
    <dl className="summary">
      <dt>Service</dt>
      <dd>
        {booking.serviceName} ({booking.durationMinutes} min)
      </dd>
      <dt>When</dt>
      <dd>{formatWhen(booking.startsAt)}</dd>
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
      <dt>Status</dt>
      <dd>
        <BookingStatusPill status={booking.status} />
      </dd>
    </dl>
  );
}
