// The health report's payout schedule check: manual payouts or a long delay, in plain words with the fix.
import type Stripe from "stripe";
import { describeSchedule } from "./business-days.ts";
import { buildCheck, type HealthCheck } from "./health.ts";

/** Manual payouts or a long delay are why fieldworkers most often say they have not been paid. */
export function checkPayoutSchedule(account: Pick<Stripe.Account, "settings">): HealthCheck {
  const schedule = account.settings?.payouts?.schedule;
  const id = "payout_schedule";
  const title = "Payout schedule";
  const dashboard = "In the Stripe dashboard, open Settings > Payouts";
  if (!schedule) {
    const text = "Stripe did not report a payout schedule for this account.";
    return buildCheck(id, title, [{ status: "warn", text, fix: `${dashboard} and check the schedule.` }], "");
  }
  const wait = `Money is paid out ${schedule.delay_days} days after each payment.`;
  return buildCheck(
    id,
    title,
    [
      schedule.interval === "manual" && {
        status: "warn",
        text: "Payouts are manual: money stays in the Stripe balance until someone sends a payout.",
        fix: `${dashboard} and choose a daily, weekly or monthly schedule, or send payouts regularly by hand.`,
      },
      schedule.delay_days > 7 && {
        status: "warn",
        text: `${wait} That is longer than usual (new accounts and some countries wait longer).`,
        fix: "Stripe shortens the wait as the account builds history; contact Stripe support to ask for it sooner.",
      },
    ],
    `Payouts are automatic, ${describeSchedule(schedule)}. ${wait}`,
  );
}
