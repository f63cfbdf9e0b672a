// The fieldworker (or an admin) marks the job done, optionally with a final amount other than the price (extra
// parts, time) and the reason the customer sees. The worker then charges what is due (charge_after_job), in the
// same transaction as the mark, so a done job is never left uncharged and a double click marks it once.
import { type Booking, DONE_FROM, findBooking, markBookingDone } from "@fieldpay/db/repositories/bookings";
import { jobQueueInstalled, requestAfterJobCharge } from "@fieldpay/db/repositories/job-queue";
import { chargedSoFar } from "@fieldpay/db/repositories/ledger";
import { findUsableHold } from "@fieldpay/db/repositories/payments";
import { parseMoney } from "@fieldpay/payments/money";
import { formatMoney } from "@fieldpay/payments/money/format";
import { maximumCharge, minimumCharge } from "@fieldpay/payments/money/limits";
import { afterJobMoney, belowMinimum } from "@fieldpay/payments/plans";
import type { Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import type { PaymentDeps } from "./tenant-payments.ts";

export interface MarkDoneInput {
  bookingId: string;
  /** As typed, in the booking's currency; left out or empty: the price booked. */
  finalAmount?: string | undefined;
  reason?: string | undefined;
}

const show = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");

/** A problem with what was typed, shown beside its field (the final amount or the reason). */
const problemAt = (field: "finalAmount" | "reason", message: string, fix?: string) =>
  new DomainError("invalid_input", message, fix, field);

function notReady(booking: Booking): DomainError {
  switch (booking.status) {
    case "pending_payment":
    case "requires_action":
    case "payment_failed":
      return new DomainError(
        "conflict",
        "The customer has not paid or saved a card for this booking yet, so it cannot be charged after the job.",
        "Ask the customer to open the booking and pay; then mark the job done.",
      );
    case "canceled":
      return new DomainError("conflict", "This booking was canceled.");
    default:
      return new DomainError("conflict", "This booking's money is settled already (refunded or disputed).");
  }
}

function finalAmountOf(booking: Booking, input: MarkDoneInput): { amount: number; reason: string | null } {
  const typed = input.finalAmount?.trim() ?? "";
  if (typed === "") return { amount: booking.amount, reason: null };
  const parsed = parseMoney({ value: typed, currency: booking.currency });
  if (!parsed.ok) throw problemAt("finalAmount", `Final amount: ${parsed.error.message}`);
  const amount = parsed.money.amount;
  if (amount > maximumCharge(booking.currency)) {
    throw problemAt(
      "finalAmount",
      `Final amount: Stripe charges at most ${show(maximumCharge(booking.currency), booking.currency)} at once.`,
    );
  }
  const reason = input.reason?.trim() ?? "";
  if (amount !== booking.amount && reason.length < 3) {
    throw problemAt(
      "reason",
      "Reason: say why the final amount differs from the price (the customer sees it), like “Extra parts: new valve”.",
    );
  }
  return { amount, reason: amount === booking.amount ? null : reason };
}

/** What the worker will do, checked now so the person marking the job done hears about a problem, not the worker. */
async function checkDue(deps: Pick<PaymentDeps, "db">, booking: Booking, final: number) {
  const currency = booking.currency;
  if (booking.payment_plan === "full" && final > booking.amount) {
    throw problemAt(
      "finalAmount",
      "Final amount: this booking was paid in full when booked, and no card was kept to charge more.",
      "Leave the final amount at the price, or lower it to refund the difference.",
    );
  }
  const charged = await chargedSoFar(deps.db, booking.tenant_id, booking.id);
  const hold = await findUsableHold(deps.db, booking);
  const due = afterJobMoney({
    plan: booking.payment_plan,
    final: { amount: final, currency },
    charged: { amount: charged.charged, currency },
    authorization: hold === null ? null : { amount: { amount: hold.amount, currency }, usable: true },
  });
  for (const part of [due.capture, due.charge]) {
    if (part !== null && part.amount > 0 && belowMinimum(part)) {
      throw problemAt(
        "finalAmount",
        `Final amount: ${show(part.amount, currency)} would be left to charge, below Stripe's smallest charge of ${show(minimumCharge(currency), currency)}.`,
        "Round the final amount to the price, or by at least that much.",
      );
    }
  }
}

export async function markJobDone(deps: Pick<PaymentDeps, "db">, auth: Auth, input: MarkDoneInput) {
  const tenantId = auth.tenant.id;
  const booking = await findBooking(deps.db, tenantId, input.bookingId);
  // A fieldworker marks only their own jobs; another's is answered like a missing one.
  if (!booking || (auth.user.role === "fieldworker" && booking.fieldworker_id !== auth.user.id)) {
    throw notFound("This booking");
  }
  if (booking.done_at !== null) {
    throw new DomainError(
      "conflict",
      "This job was already marked done.",
      "Its receipt shows what was charged.",
    );
  }
  if (!DONE_FROM.includes(booking.status)) throw notReady(booking);
  const final = finalAmountOf(booking, input);
  await checkDue(deps, booking, final.amount);
  const marked = await deps.db.transaction().execute(async (trx) => {
    const done = await markBookingDone(trx, {
      tenantId,
      bookingId: booking.id,
      finalAmount: final.amount,
      reason: final.reason,
      doneBy: auth.user.id,
    });
    // The worker installs the queue when it starts; a mark made before that is queued by its 15-minute pass.
    if (done && (await jobQueueInstalled(trx))) await requestAfterJobCharge(trx, tenantId, booking.id);
    return done;
  });
  if (!marked) throw new DomainError("conflict", "This job was already marked done.", "Reload the page.");
  return { bookingId: booking.id, finalAmount: { amount: final.amount, currency: booking.currency } };
}
