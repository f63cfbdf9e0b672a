// /book/:slug/bookings/:id: the receipt. Its status follows the payment through Stripe's webhooks; "Refresh
// status" asks Stripe directly, for when a webhook is slow.

import { formatMoney } from "@fieldpay/payments/money/format";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { Link, useLocation, useParams } from "react-router";
import { bookingStatusLabel } from "../bookings/booking-status.tsx";
import { leftToPay } from "../bookings/ledger-words.ts";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { LoadFailed } from "../pages/load-failed.tsx";
import { BookingSummary, BusinessContact } from "./booking-summary.tsx";
import { ReceiptLedger } from "./receipt-ledger.tsx";
import { RequireCustomer } from "./require-customer.tsx";
import { usePortalSlug } from "./use-portal-business.ts";

// Statuses a payment just made on the pay page moves on from, once Stripe's webhook arrives.
const WAITING = ["pending_payment", "requires_action"];
const WAITING_BALANCE = ["balance_due"];
const SETTLED = ["paid", "partially_refunded", "refunded"];
// Where a payment or a saved card made on the pay page arrives once Stripe has confirmed it.
const ARRIVED = ["paid", "deposit_paid", "card_saved", "authorized"];
const CHARGED = ["paid", "deposit_paid", "authorized"];

function Receipt({ bookingId }: { bookingId: string }) {
  const slug = usePortalSlug();
  const state = useLocation().state;
  const justPaid = state?.justPaid === true;
  const justSaved = state?.justSaved === true;
  // The history state outlives reloads: only a balance just paid silences "balance due".
  const paidBalance = justPaid && state?.paidBalance === true;
  const waitingFor = paidBalance ? WAITING_BALANCE : WAITING;
  const arrivedAt = paidBalance ? SETTLED : ARRIVED;
  const booking = trpc.bookings.get.useQuery(
    { bookingId },
    {
      refetchInterval: (q) => {
        const b = q.state.data;
        if (!justPaid || !b) return false;
        // Right after paying, look again every few seconds until Stripe's webhook has marked it paid…
        if (waitingFor.includes(b.status)) return 3000;
        // …and a few more times for the card, which Stripe reports apart from the payment (charge.succeeded).
        const cardToCome = CHARGED.includes(b.status) && b.receipt.card === null;
        return cardToCome && q.state.dataUpdateCount < 10 ? 3000 : false;
      },
    },
  );
  const utils = trpc.useUtils();
  const refresh = trpc.bookings.refreshPayment.useMutation({
    onSuccess: () => utils.bookings.get.invalidate({ bookingId }),
  });
  if (booking.isPending) return <p className="muted">Loading your receipt…</p>;
  if (booking.isError)
    return (
      <LoadFailed
        error={booking.error}
        thing="booking"
        back={{ to: `/book/${slug}/bookings`, label: "Back to my bookings" }}
        onRetry={() => void booking.refetch()}
      />
    );
  const b = booking.data;
  const error = errorInfo(refresh.error);
  const waiting = waitingFor.includes(b.status);
  // Thanked whether or not Stripe's webhook beat the page here; "updates by itself" only while it has not.
  const thank = justPaid && (waiting || arrivedAt.includes(b.status));
  // Just paid and Stripe has not confirmed yet: the page says so and offers nothing to pay.
  const confirming = thank && waiting;
  const payLink = `/book/${slug}/bookings/${bookingId}/pay`;
  return (
    <>
      <h1>{SETTLED.includes(b.status) ? "Receipt" : "Your booking"}</h1>
      {b.status === "balance_due" && !paidBalance && (
        <Alert
          tone="warning"
          title={`The job is done: ${formatMoney(leftToPay(b).amount, leftToPay(b).currency)} is left to pay`}
          actions={
            <Link className="btn btn-primary" to={payLink}>
              Pay the balance
            </Link>
          }
        >
          The charge to your saved card needs you: your bank asked you to confirm it, or the card was
          declined.
        </Alert>
      )}
      {thank && (
        <Alert
          tone="success"
          title={
            confirming
              ? justSaved
                ? "Thank you: your card is being saved"
                : "Thank you: your payment is being confirmed"
              : justSaved
                ? "Thank you: your card is saved"
                : "Thank you: your payment went through"
          }
        >
          {confirming
            ? "Stripe is confirming it with your bank; this page updates by itself. There is nothing more to pay."
            : "Stripe has confirmed it."}
        </Alert>
      )}
      <section className="card">
        <BookingSummary booking={b} confirming={confirming} />
        {b.payment?.failure && b.status === "payment_failed" && (
          <FormError
            message={b.payment.failure.message}
            fix="Pay again with another card, or contact your bank."
          />
        )}
        {refresh.data?.problem && <FormError message={refresh.data.problem.message} />}
        {refresh.data && !refresh.data.problem && (
          <p className="muted" role="status">
            Checked with Stripe just now: {bookingStatusLabel(refresh.data.status).toLowerCase()}.
          </p>
        )}
        <FormError message={error?.message} fix={error?.fix ?? undefined} />
        <div className="actions">
          {(b.payment || (b.plan.plan === "card_on_file" && !b.plan.cardSaved)) && (
            <Button
              variant="secondary"
              busy={refresh.isPending}
              busyLabel="Asking Stripe…"
              onClick={() => refresh.mutate({ bookingId })}
            >
              Refresh status
            </Button>
          )}
          {b.canPay && !confirming && b.status !== "balance_due" && <Link to={payLink}>Pay now</Link>}
        </div>
        <BusinessContact booking={b} />
      </section>
      <ReceiptLedger booking={b} />
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
