// In the 15-minute pass: a card hold that lapses within a day while its job is not done warns the admin, in time
// to mark the job done (and capture it); the warning goes once the booking moves on. Balance-due alerts of
// bookings the customer has since paid are resolved in the same pass. Database only: no Stripe call.
import {
  type ExpiringHold,
  listExpiringHolds,
  resolveSettledBalanceDue,
  syncHoldAlerts,
} from "@fieldpay/db/repositories/after-job-alerts";
import { formatMoney } from "@fieldpay/payments/money/format";
import type { WorkerDeps } from "../deps.ts";

const WARN_WITHIN_MS = 24 * 60 * 60 * 1000;

export async function checkExpiringHolds(deps: Pick<WorkerDeps, "db" | "now">) {
  const holds = await listExpiringHolds(deps.db, new Date(deps.now().getTime() + WARN_WITHIN_MS));
  const { resolved } = await syncHoldAlerts(
    deps.db,
    holds.map((hold) => ({ tenantId: hold.tenant_id, bookingId: hold.booking_id, ...holdWords(hold) })),
  );
  const paid = await resolveSettledBalanceDue(deps.db);
  return { expiringHolds: holds.length, holdAlertsResolved: resolved, balanceDueResolved: paid };
}

const when = (date: Date) =>
  `${date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

export function holdWords(hold: ExpiringHold) {
  const amount = formatMoney(hold.amount, hold.currency, "en-US");
  const deadline = when(hold.expires_at);
  return {
    title: `A card hold of ${amount} lapses on ${deadline}`,
    explanation:
      `${hold.customer_name}'s card holds ${amount} for ${hold.service_name} (booked for ${when(hold.starts_at)}). ` +
      "Banks release a hold after about a week; once it lapses, fieldpay can no longer capture it.",
    fix: `Mark the job done before ${deadline}, or fieldpay charges the saved card after the job instead.`,
  };
}
