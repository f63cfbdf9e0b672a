// /book/:slug/bookings/:id/pay: the booking's summary and its payment form.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { BookingSummary } from "./booking-summary.tsx";
import { PaymentPanel } from "./payment-panel.tsx";
import { RequireCustomer } from "./require-customer.tsx";
import { usePortalSlug } from "./use-portal-business.ts";

function PayBooking({ bookingId }: { bookingId: string }) {
  const slug = usePortalSlug();
  const navigate = useNavigate();
  const booking = trpc.bookings.get.useQuery({ bookingId });
  const pay = trpc.bookings.pay.useMutation();
  const payable = booking.data?.canPay === true;
  const { mutate, isIdle } = pay;
  // Opening the page prepares the payment; a second call (reload, StrictMode) resumes the same attempt.
  useEffect(() => {
    if (payable && isIdle) mutate({ bookingId });
  }, [payable, isIdle, mutate, bookingId]);

  if (booking.isPending) return <p className="muted">Loading your booking…</p>;
  if (booking.isError)
    return (
      <Alert tone="danger" title="Could not load this booking">
        {booking.error.message}
      </Alert>
    );
  const receipt = `/book/${slug}/bookings/${bookingId}`;
  const error = errorInfo(pay.error);
  return (
    <>
      <h1>Pay for your booking</h1>
      <section className="card">
        <BookingSummary booking={booking.data} />
      </section>
      {!payable && (
        <Alert tone="info" title="Nothing to pay" actions={<Link to={receipt}>See the receipt</Link>}>
          This booking does not need paying.
        </Alert>
      )}
      {error && (
        <section className="card">
          <FormError message={error.message} fix={error.fix ?? undefined} />
          <Button onClick={() => pay.mutate({ bookingId })}>Try again</Button>
        </section>
      )}
      {pay.isPending && !pay.data && <p className="muted">Preparing a secure payment with Stripe…</p>}
      {pay.data && (
        <PaymentPanel
          key={pay.data.clientSecret}
          payment={pay.data}
          tryingAgain={pay.isPending}
          onTryAgain={() => pay.mutate({ bookingId, newAttempt: true })}
          onPaid={() => navigate(receipt, { state: { justPaid: true } })}
        />
      )}
    </>
  );
}

export function PayPage() {
  const { bookingId = "" } = useParams();
  return (
    <RequireCustomer>
      <PayBooking bookingId={bookingId} />
    </RequireCustomer>
  );
}
