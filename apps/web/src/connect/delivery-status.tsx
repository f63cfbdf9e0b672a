// Where an email the admin is waiting on stands, in plain words from the api (apps/api/src/mail/delivery-status.ts):
// a pill, and unless it was delivered what happened and what fixes it. Followed every few seconds until it
// settles: the worker delivers within seconds, or says why not.

import type { AppRouter } from "@fieldpay/api/router";
import { StatusPill, type Tone } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { trpc } from "../lib/trpc.ts";

export type EmailDelivery = inferRouterOutputs<AppRouter>["people"]["passwordResetDelivery"];

const PILL: Record<EmailDelivery["status"], { label: string; tone: Tone }> = {
  queued: { label: "Sending", tone: "neutral" },
  sending: { label: "Sending", tone: "neutral" },
  delivered: { label: "Delivered", tone: "good" },
  failed: { label: "Not delivered", tone: "bad" },
  suppressed: { label: "Not sent", tone: "warn" },
};

const settled = (d: EmailDelivery | null | undefined) =>
  d === null || d === undefined || ["delivered", "failed", "suppressed"].includes(d.status);

/** Refetch every 2 s while the email is on its way (for useQuery's refetchInterval). */
export function followDelivery(deliveries: readonly (EmailDelivery | null | undefined)[]): number | false {
  return deliveries.every(settled) ? false : 2000;
}

/** The pill says it all while an email is delivered or simply on its way; otherwise the words say what happened. */
const explains = (d: EmailDelivery) => d.status === "failed" || d.status === "suppressed" || d.fix !== null;

export function EmailDeliveryStatus({ delivery }: { delivery: EmailDelivery | null | undefined }) {
  if (!delivery) return null;
  const pill = PILL[delivery.status];
  return (
    <span className="email-delivery">
      <StatusPill tone={pill.tone}>{pill.label}</StatusPill>
      {explains(delivery) && <span className="email-delivery-words"> {delivery.summary}</span>}
      {delivery.fix && <span className="email-delivery-words muted"> {delivery.fix}</span>}
    </span>
  );
}

/** The reset link an admin just sent a customer. */
export function ResetLinkDelivery({ resetId }: { resetId: string }) {
  const delivery = trpc.people.passwordResetDelivery.useQuery(
    { resetId },
    { refetchInterval: (q) => followDelivery([q.state.data]) },
  );
  return (
    <p className="email-delivery-line">
      Email: <EmailDeliveryStatus delivery={delivery.data} />
    </p>
  );
}

/** The "please pay the rest" email of a booking whose balance the customer must pay themselves. */
export function BalanceDueDelivery({ bookingId }: { bookingId: string }) {
  const delivery = trpc.emailDeliveries.balanceDue.useQuery(
    { bookingId },
    { refetchInterval: (q) => followDelivery([q.state.data]) },
  );
  if (!delivery.data) return null;
  return (
    <p className="email-delivery-line">
      The customer's email with the link to pay: <EmailDeliveryStatus delivery={delivery.data} />
    </p>
  );
}
