// /app/bookings/:id: one booking with its plan, its latest payment, the ledger (every charge and refund with who
// received what), its disputes, marking the job done, the refunds and the refund form.
import type { AppRouter } from "@fieldpay/api/router";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { Money } from "@fieldpay/ui/money";
import { PageHeader } from "@fieldpay/ui/page-header";
import { Status } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { useParams } from "react-router";
import { BalanceDueDelivery } from "../connect/delivery-status.tsx";
import { BookingDisputes } from "../disputes/booking-disputes.tsx";
import { StripeId } from "../lib/stripe-id.tsx";
import { trpc } from "../lib/trpc.ts";
import { LoadFailed } from "../pages/load-failed.tsx";
import { AssignFieldworker } from "./assign-fieldworker.tsx";
import { BookingStatusPill, formatWhen } from "./booking-status.tsx";
import { LedgerTable } from "./ledger-table.tsx";
import { type BookingView, refundableCharges } from "./ledger-words.ts";
import { MarkDoneForm } from "./mark-done-form.tsx";
import { PLAN_LABEL } from "./plan-words.ts";
import { RefundForm } from "./refund-form.tsx";
import { RefundsTable } from "./refunds-table.tsx";

const CHARGE: Record<string, string> = {
  direct: "On your Stripe account",
  destination: "On your platform account, transferred to the fieldworker (destination charge)",
  direct_on_connected_account:
    "On the fieldworker's own Stripe account, with your commission (direct charge)",
};

type Payment = NonNullable<inferRouterOutputs<AppRouter>["bookings"]["get"]["payment"]>;

/** How the booking was paid: the attempt, Stripe's status, where the charge lives and (Connect) the split. */
function PaymentRows({ payment: p }: { payment: Payment }) {
  return (
    <>
      <dt>Payment</dt>
      <dd>
        <Status kind="payment" status={p.status} /> {CHARGE[p.chargeType]}
        <span className="block muted">
          Attempt {p.attempt}
          {p.paymentIntentId && (
            <>
              : <StripeId id={p.paymentIntentId} onAccount={p.onAccount} />
            </>
          )}
        </span>
      </dd>
      {p.split && (
        <>
          <dt>Your commission</dt>
          <dd>
            <Money {...p.split.applicationFee} />
          </dd>
          <dt>To the fieldworker</dt>
          <dd>
            <Money {...p.split.fieldworkerNet} />
          </dd>
        </>
      )}
      <dt>Refunded</dt>
      <dd>
        <Money {...p.amountRefunded} />
      </dd>
    </>
  );
}

/** The booking's plan, its hold and the job: done when, for how much, and why the amount changed. */
function PlanRows({ booking: b }: { booking: BookingView }) {
  const { plan, job } = b;
  return (
    <>
      <dt>How the customer pays</dt>
      <dd>
        {PLAN_LABEL[plan.plan]}
        {plan.deposit && (
          <>
            {" "}
            (deposit <Money {...plan.deposit} />)
          </>
        )}
        {plan.cardSaved && <span className="block muted">Card saved for after the job.</span>}
      </dd>
      {plan.holdExpiresAt && (
        <>
          <dt>Hold on the card</dt>
          <dd>
            {plan.holdLapsed
              ? "Lapsed: the saved card is charged instead."
              : `Expires ${formatWhen(plan.holdExpiresAt)}; capture before then.`}
          </dd>
        </>
      )}
      <dt>Job</dt>
      <dd>
        {job.doneAt ? `Done ${formatWhen(job.doneAt)}` : "Not done yet"}
        {job.finalAmount && (
          <>
            , final amount <Money {...job.finalAmount} />
          </>
        )}
        {job.adjustmentReason && <span className="block muted">Reason: {job.adjustmentReason}</span>}
      </dd>
    </>
  );
}

export function BookingDetailPage() {
  const { bookingId = "" } = useParams();
  const booking = trpc.bookings.get.useQuery({ bookingId });
  const utils = trpc.useUtils();
  const refresh = trpc.bookings.refreshPayment.useMutation({ onSuccess: () => utils.bookings.invalidate() });
  if (booking.isPending) return <p className="muted">Loading…</p>;
  if (booking.isError)
    return (
      <LoadFailed
        error={booking.error}
        thing="booking"
        back={{ to: "/app/bookings", label: "Back to bookings" }}
        onRetry={() => void booking.refetch()}
      />
    );
  const b = booking.data;
  const p = b.payment;
  return (
    <>
      <PageHeader
        eyebrow="Bookings"
        title={`${b.serviceName} for ${b.customer.name}`}
        description={formatWhen(b.startsAt)}
      />
      <section className="card">
        <dl className="summary">
          <dt>Customer</dt>
          <dd>
            {b.customer.name} ({b.customer.email})
          </dd>
          <dt>Fieldworker</dt>
          <dd>{b.fieldworkerName ?? "Not assigned"}</dd>
          <dt>Amount</dt>
          <dd>
            <Money {...b.amount} />
          </dd>
          <dt>Status</dt>
          <dd>
            <BookingStatusPill status={b.status} />
          </dd>
          <PlanRows booking={b} />
          {p && <PaymentRows payment={p} />}
        </dl>
        {p?.failure && (
          <Alert tone="warning" title="The last payment attempt failed">
            {p.failure.message}
          </Alert>
        )}
        {b.status === "balance_due" && <BalanceDueDelivery bookingId={b.id} />}
        {p && (
          <Button
            variant="secondary"
            busy={refresh.isPending}
            busyLabel="Asking Stripe…"
            onClick={() => refresh.mutate({ bookingId })}
          >
            Refresh status from Stripe
          </Button>
        )}
      </section>
      <BookingDisputes bookingId={b.id} />
      {b.canPay && <AssignFieldworker bookingId={b.id} current={b.fieldworkerId} />}
      {b.job.canMarkDone && (
        <section className="card" aria-labelledby="mark-done-heading">
          <h2 id="mark-done-heading">Mark job done</h2>
          <MarkDoneForm booking={b} />
        </section>
      )}
      <LedgerTable booking={b} />
      {p && p.refunds.length > 0 && <RefundsTable payment={p} />}
      {/* Stripe refuses refunds of a disputed charge: the dispute decides where that money goes. */}
      {p && b.status !== "disputed" && refundableCharges(b.ledger.lines).length > 0 && (
        <RefundForm booking={b} payment={p} />
      )}
    </>
  );
}
