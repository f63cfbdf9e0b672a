// The setup checklist shown until everything is green: keys checked, webhooks arriving, a service, the booking
// page shared and, with Stripe Connect, a fieldworker ready to be paid. Each item says what to do and where.
import type { OverviewState } from "@fieldpay/db/repositories/overview";
import type { ChecklistItem } from "./schemas.ts";

/**
 * Notifications count as arriving while the newest is younger than this: the health report's own failing point
 * (packages/payments/src/webhook-health.ts), so the checklist never calls done what the Health page calls failed.
 */
export const WEBHOOK_QUIET_HOURS = 72;

const SETTINGS = { label: "Open Payment integration", href: "/app/settings/payments" };

export function setupChecklist(
  state: OverviewState,
  tenant: { slug: string },
  now: Date,
): { done: boolean; completed: number; total: number; items: ChecklistItem[] } {
  const items: ChecklistItem[] = [
    keysItem(state),
    webhooksItem(state, now),
    serviceItem(state),
    bookingPageItem(state, tenant.slug),
    ...(state.mode === "connect" ? [fieldworkerItem(state)] : []),
  ];
  const completed = items.filter((item) => item.done).length;
  return { done: completed === items.length, completed, total: items.length, items };
}

function keysItem(state: OverviewState): ChecklistItem {
  const title = "Connect your Stripe account";
  if (state.keysCheckedAt)
    return { id: "keys", title, done: true, detail: "Stripe accepted your keys.", action: SETTINGS };
  return {
    id: "keys",
    title,
    done: false,
    detail:
      "Choose Stripe or Stripe Connect and enter your publishable and secret keys; fieldpay checks them with " +
      "Stripe before saving.",
    action: SETTINGS,
  };
}

/** Why an endpoint is not arriving yet, or null when it is. */
function endpointProblem(
  name: string,
  secret: boolean,
  lastEventAt: Date | null,
  now: Date,
): { text: string; href: string; label: string } | null {
  if (!secret)
    return {
      text: `Add the ${name} endpoint in Stripe (Developers > Webhooks) with the URL shown under Payment integration, then paste its signing secret there.`,
      ...SETTINGS,
    };
  if (!lastEventAt)
    return {
      text: `No ${name} notification from Stripe has arrived yet. In Stripe, open Developers > Webhooks and send a test event to the endpoint.`,
      ...SETTINGS,
    };
  const hours = (now.getTime() - lastEventAt.getTime()) / 3_600_000;
  if (hours < WEBHOOK_QUIET_HOURS) return null;
  const days = Math.floor(hours / 24);
  return {
    text: `The last ${name} notification from Stripe arrived ${days} days ago. Check the endpoint in Stripe (Developers > Webhooks) and the Health page.`,
    label: "Open Health",
    href: "/app/health",
  };
}

function webhooksItem(state: OverviewState, now: Date): ChecklistItem {
  const title = "Receive Stripe's notifications";
  const problems = [
    endpointProblem("account", state.accountWebhookSecret, state.lastAccountEventAt, now),
    ...(state.mode === "connect"
      ? [endpointProblem("Connect", state.connectWebhookSecret, state.lastConnectEventAt, now)]
      : []),
  ].filter((p) => p !== null);
  const [first] = problems;
  if (!first)
    return {
      id: "webhooks",
      title,
      done: true,
      detail: "Stripe's notifications are arriving, so payments and payouts update by themselves.",
      action: { label: "Open Health", href: "/app/health" },
    };
  return {
    id: "webhooks",
    title,
    done: false,
    detail: problems.map((p) => p.text).join(" "),
    action: { label: first.label, href: first.href },
  };
}

function serviceItem(state: OverviewState): ChecklistItem {
  const action = { label: "Open Services", href: "/app/services" };
  const title = "Add a service";
  if (state.activeServices > 0) {
    const what = state.activeServices === 1 ? "1 service" : `${state.activeServices} services`;
    return { id: "service", title, done: true, detail: `Customers can book ${what}.`, action };
  }
  return {
    id: "service",
    title,
    done: false,
    detail: "Add what customers can book, with its price and how they pay.",
    action,
  };
}

// Sharing happens outside fieldpay, so it counts as done once it shows: a customer signed up or a booking exists.
function bookingPageItem(state: OverviewState, slug: string): ChecklistItem {
  const action = { label: "Open your booking page", href: `/book/${slug}` };
  const title = "Share your booking page";
  if (state.customers > 0 || state.bookings > 0)
    return {
      id: "booking_page",
      title,
      done: true,
      detail: "Customers have found your booking page.",
      action,
    };
  return {
    id: "booking_page",
    title,
    done: false,
    detail: `Send customers your booking page, /book/${slug}, or link it from your website. This turns green when the first customer signs up or books.`,
    action,
  };
}

function fieldworkerItem(state: OverviewState): ChecklistItem {
  const action = { label: "Open Fieldworkers", href: "/app/fieldworkers" };
  const title = "Get a fieldworker ready to be paid";
  if (state.payableFieldworkers > 0) {
    const who =
      state.payableFieldworkers === 1 ? "1 fieldworker" : `${state.payableFieldworkers} fieldworkers`;
    return { id: "fieldworker", title, done: true, detail: `${who} can be paid through Stripe.`, action };
  }
  return {
    id: "fieldworker",
    title,
    done: false,
    detail:
      state.fieldworkers === 0
        ? "Invite a fieldworker; they set up their Stripe account through Stripe's onboarding."
        : "None of your fieldworkers can be paid yet: each needs to finish Stripe's onboarding until card payments and payouts are enabled.",
    action,
  };
}
