// The Stripe Dashboard page of a Stripe object: test or live mode, and inside the connected account for objects
// that live on it (a Standard account's direct charges, refunds and disputes). Pages link with packages/ui's
// StripeLink; the api's dispute view uses the same function.
import type { KeyMode } from "./keys.ts";

// By id prefix: the Dashboard's path for that kind of object.
const PATHS: readonly [prefix: string, path: string][] = [
  ["pi_", "payments"],
  ["ch_", "payments"],
  ["py_", "payments"],
  ["re_", "refunds"],
  ["pyr_", "refunds"],
  ["du_", "disputes"],
  ["dp_", "disputes"],
  ["po_", "payouts"],
  ["tr_", "connect/transfers"],
  ["fee_", "connect/application_fees"],
  ["acct_", "connect/accounts"],
  ["cus_", "customers"],
  ["seti_", "setup_intents"],
  ["evt_", "events"],
];

export function dashboardPathFor(id: string): string | null {
  return PATHS.find(([prefix]) => id.startsWith(prefix))?.[1] ?? null;
}

/** Null for an id whose kind has no Dashboard page (or that is not a Stripe id). */
export function stripeDashboardUrl(input: {
  id: string;
  mode: KeyMode;
  /** The connected account the object lives on (Standard accounts' direct charges), else null. */
  onAccount?: string | null;
}): string | null {
  const path = dashboardPathFor(input.id);
  if (path === null) return null;
  const account = input.onAccount ? `${encodeURIComponent(input.onAccount)}/` : "";
  const mode = input.mode === "test" ? "test/" : "";
  return `https://dashboard.stripe.com/${account}${mode}${path}/${encodeURIComponent(input.id)}`;
}
