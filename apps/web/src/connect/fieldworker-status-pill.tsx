import { AccountStatusPill, StatusPill } from "@fieldpay/ui/status-pill";
import type { AccountStatusView } from "./types.ts";

/** The four Stripe-derived states use the shared pill; "not connected" and "disconnected" are ours. */
export function FieldworkerStatusPill({ status }: { status: AccountStatusView["status"] }) {
  if (status === "not_connected") return <StatusPill tone="neutral">Not connected</StatusPill>;
  if (status === "deauthorized") return <StatusPill tone="bad">Disconnected</StatusPill>;
  return <AccountStatusPill status={status} />;
}

export const yesNo = (value: boolean) => (
  <StatusPill tone={value ? "good" : "warn"}>{value ? "Enabled" : "Not yet"}</StatusPill>
);
