// /book/:slug/bookings/:id/pay: the booking's summary, what its plan asks for now, and the card form: pay, pay a
// deposit, hold the price, save the card, or (once the job is done and the bank needs the customer) pay the balance.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { LoadFailed } from "../pages/load-failed.tsx";
import { BookingSummary } from "./booking-summary.tsx";
import { PayPlanNote } from "./pay-plan-note.tsx";
import { PaymentPanel } from "./payment-panel.tsx";
import { RequireCustomer } from "./require-customer.tsx";
import { usePortalSlug } from "./use-portal-business.ts";

function PayBooking({ bookingId }: { bookingId: string }) {
  const slug = usePortalSlug();
  const navigate = useNavigate();
  const booking = trpc.bookings.get.useQuery({ bookingId });
  // Each answer gets a fresh form: a balance tried again with another card comes back with the same client secret.
  const [round, setRound] = useState(0);
  const pay = trpc.bookings.pay.useMutation({ onSuccess: () => setRound((r) => r + 1) });
  const payable = booking.data?.canPay === true;
  const { mutate, isIdle } = pay;
  // Opening the page prepares the payment; a second call (reload, StrictMode) resumes the same attempt.
  useEffect(() => {
    if (payable && isIdle) mutate({ bookingId });
  }, [payable, isIdle, mutate, bookingId]);

  if (booking.isPending) return <p className="muted">Loading your booking…</p>;
  if (booking.isError)
    return (
      <LoadFailed
        error={booking.error}
        thing="booking"
        back={{ to: `/book/${slug}/bookings`, label: "Back to my bookings" }}
        onRetry={() => void booking.refetch()}
      />
    );
  const receipt = `/book/${slug}/bookings/${bookingId}`;
  const error = errorInfo(pay.error);
  const balance = booking.data.status === "balance_due";
  const setup = pay.data?.intent === "setup";
  return (
    <>
      <h1>{balance ? "Pay the balance" : setup ? "Save a card for your booking" : "Pay for your booking"}</h1>
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
      {pay.data && payable && <PayPlanNote payment={pay.data} booking={booking.data} />}
      {pay.data && payable && (
        <PaymentPanel
          key={round}
          payment={pay.data}
          tryingAgain={pay.isPending}
          onTryAgain={() => pay.mutate({ bookingId, newAttempt: true })}
          onPaid={() =>
            navigate(receipt, { state: { justPaid: true, justSaved: setup, paidBalance: balance } })
          }
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
