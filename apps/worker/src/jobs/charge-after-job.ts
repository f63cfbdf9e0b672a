// The job is done (bookings.markDone): settle its money so the booking takes exactly the final amount. A usable
// card hold is captured first; what is still missing is charged to the card kept at booking, off-session; what
// was taken beyond the final amount goes back. Each step is idempotent (deterministic attempt numbers and refund
// ids, Stripe idempotency keys), so a retried job, a second worker or a worker killed mid-job settles it once.
// Every Stripe call waits for the business's limiter, which all of its jobs in this process share.
import { recordAfterJobProblem, settleAfterJobPaid } from "@fieldpay/db/repositories/after-job-charges";
import { chargedSoFar } from "@fieldpay/db/repositories/ledger";
import { findUsableHold } from "@fieldpay/db/repositories/payments";
import type { BookingStatus } from "@fieldpay/db/schema";
import { formatMoney } from "@fieldpay/payments/money/format";
import { afterJobMoney, belowMinimum } from "@fieldpay/payments/plans";
import { captureHold } from "./after-job/capture.ts";
import { chargeCardOnFile } from "./after-job/card-on-file.ts";
import { type AfterJobContext, type AfterJobDeps, loadAfterJob } from "./after-job/context.ts";
import { refundOvercharge } from "./after-job/refund-overcharge.ts";

/** Bookings whose money is settled for good: nothing after the job moves them. */
const SETTLED: BookingStatus[] = ["paid", "partially_refunded", "refunded", "canceled", "disputed"];

export async function chargeAfterJob(
  deps: AfterJobDeps,
  input: { tenantId: string; bookingId: string },
): Promise<string> {
  const loaded = await loadAfterJob(deps, input);
  if (!loaded.ok) return `nothing to do: ${loaded.reason}`;
  const ctx = loaded.context;
  if (SETTLED.includes(ctx.booking.status)) return `nothing to do: the booking is ${ctx.booking.status}`;
  const steps: string[] = [];
  let due = await moneyDue(ctx, true);
  let before = due.before;
  // Above a hold, the rest is an "extra" charge, also on a retry after the hold was captured; after a lapse, or
  // in any other plan, it is the "balance". The purpose finds the attempt again, so it must not change.
  let purpose: "extra" | "balance" =
    ctx.booking.payment_plan === "authorize" && ctx.booking.authorization_lapsed_at === null
      ? "extra"
      : "balance";
  if (due.money.capture !== null && due.hold !== null) {
    const { outcome, applicationFee } = await captureHold(ctx, due.hold, due.money.capture, before);
    steps.push(`capture ${due.money.capture.amount}: ${outcome}`);
    if (outcome === "lapsed") {
      purpose = "balance";
      due = await moneyDue(ctx, false);
      before = due.before;
    } else {
      // The extra above the hold shares the commission with the capture, whether or not Stripe confirmed it yet.
      before = { charged: before.charged + due.money.capture.amount, fees: before.fees + applicationFee };
    }
  }
  const { charge, refund } = due.money;
  if (charge !== null) {
    if (belowMinimum(charge)) {
      steps.push(await tooSmall(ctx, charge.amount));
    } else {
      steps.push(await chargeCardOnFile(ctx, { purpose, amount: charge, before }));
    }
  }
  if (refund !== null) steps.push(await refundOvercharge(ctx, refund.amount));
  if (charge === null && (await settleAfterJobPaid(deps.db, ctx.booking.tenant_id, ctx.booking.id))) {
    steps.push("booking paid");
  }
  return steps.length > 0 ? steps.join("; ") : "nothing due";
}

/** What the booking still needs, from its ledger and (when asked and usable) its card hold. */
async function moneyDue(ctx: AfterJobContext, withHold: boolean) {
  const { booking } = ctx;
  const currency = booking.currency;
  const before = await chargedSoFar(ctx.deps.db, booking.tenant_id, booking.id);
  const hold = withHold ? await findUsableHold(ctx.deps.db, ctx.booking) : null;
  const money = afterJobMoney({
    plan: booking.payment_plan,
    final: { amount: booking.final_amount ?? 0, currency },
    charged: { amount: before.charged, currency },
    authorization: hold === null ? null : { amount: { amount: hold.amount, currency }, usable: true },
  });
  return { before, hold, money };
}

async function tooSmall(ctx: AfterJobContext, amount: number): Promise<string> {
  const { booking } = ctx;
  const shown = formatMoney(amount, booking.currency, "en-US");
  await recordAfterJobProblem(ctx.deps.db, {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    title: `${shown} left on a finished job is too small to charge`,
    explanation: `The job's final amount leaves ${shown} to pay, below the smallest charge Stripe takes in ${booking.currency.toUpperCase()}, so fieldpay did not charge it.`,
    fix: "Collect it another way (cash, or with the next job), or leave it: the booking stays unpaid by that amount.",
  });
  return `charge ${amount}: below Stripe's minimum, the admin was alerted`;
}
