// A Stripe id as pages show it to admins: the id itself, linked to its page in the Stripe Dashboard (test or
// live, inside the connected account where the object lives). One component, one URL builder
// (packages/payments' stripeDashboardUrl, which the api's dispute view uses too).
import { stripeDashboardUrl } from "@fieldpay/payments/dashboard-links";
import type { KeyMode } from "@fieldpay/payments/keys";

export interface StripeLinkProps {
  id: string;
  /** The business's key mode; the link opens the Dashboard in the same mode. */
  mode: KeyMode;
  /** The connected account the object lives on (a Standard account's direct charge), else null. */
  onAccount?: string | null;
}

export function StripeLink({ id, mode, onAccount = null }: StripeLinkProps) {
  const href = stripeDashboardUrl({ id, mode, onAccount });
  if (href === null) return <code className="stripe-id">{id}</code>;
  return (
    <a
      className="stripe-link"
      href={href}
      target="_blank"
      rel="noreferrer"
      title="Open in the Stripe Dashboard"
    >
      <code className="stripe-id">{id}</code>
      <span className="visually-hidden"> (opens the Stripe Dashboard in a new tab)</span>
    </a>
  );
}
