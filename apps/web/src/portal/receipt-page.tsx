// /book/:slug/bookings/:id: the receipt. Its status follows the payment through Stripe's webhooks; "Refresh
// status" asks Stripe directly, for when a webhook is slow.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { Money } from "@fieldpay/ui/money";
import { Link, useLocation, useParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { BookingSummary } from "./booking-summary.tsx";
import { RequireCustomer } from "./require-customer.tsx";
import { usePortalSlug } from "./use-portal-business.ts";

const WAITING = ["pending_payment", "requires_action"];

function Receipt({ bookingId }: { bookingId: string }) {
  const slug = usePortalSlug();
  const justPaid = useLocation().state?.justPaid === true;
  const booking = trpc.bookings.get.useQuery(
    { bookingId },
    // Right after paying, look again every few seconds until Stripe's webhook has marked it paid.
    { refetchInterval: (q) => (justPaid && WAITING.includes(q.state.data?.status ?? "") ? 3000 : false) },
  );
  const utils = trpc.useUtils();
  const refresh = trpc.bookings.refreshPayment.useMutation({
    onSuccess: () => utils.bookings.get.invalidate({ bookingId }),
  });
  if (booking.isPending) return <p className="muted">Loading your receipt…</p>;
  if (booking.isError)
    return (
      <Alert tone="danger" title="Could not load this receipt">
        {booking.error.message}
      </Alert>
    );
  const b = booking.data;
  const error = errorInfo(refresh.error);
  const waiting = WAITING.includes(b.status);
  return (
    <>
      <h1>{b.status === "paid" ? "Receipt" : "Your booking"}</h1>
      {justPaid && waiting && (
        <Alert tone="success" title="Thank you: your payment went through">
          Stripe is confirming it; this page updates by itself.
        </Alert>
      )}
      <section className="card">
        <BookingSummary booking={b} />
        {b.payment && b.payment.amountRefunded.amount > 0 && (
          <p>
            Refunded:{" "}
            <Money amount={b.payment.amountRefunded.amount} currency={b.payment.amountRefunded.currency} />
          </p>
        )}
        {b.payment?.failure && b.status === "payment_failed" && (
          <FormError
            message={b.payment.failure.message}
            fix="Pay again with another card, or contact your bank."
          />
        )}
        {refresh.data?.problem && <FormError message={refresh.data.problem.message} />}
        <FormError message={error?.message} fix={error?.fix ?? undefined} />
        <div className="actions">
          {b.payment && (
            <Button
              variant="secondary"
              busy={refresh.isPending}
              busyLabel="Asking Stripe…"
              onClick={() => refresh.mutate({ bookingId })}
            >
              Refresh status
            </Button>
          )}
          {b.canPay && <Link to={`/book/${slug}/bookings/${bookingId}/pay`}>Pay now</Link>}
        </div>
      </section>
    </>
  );
}

export function ReceiptPage() {
  const { bookingId = "" } = useParams();
  return (
    <RequireCustomer>
      <Receipt bookingId={bookingId} />
    </RequireCustomer>
  );
}
