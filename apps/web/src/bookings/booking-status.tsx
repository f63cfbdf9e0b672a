// A booking's status as customers and admins read it, with a colour that never carries the meaning alone.
import { StatusPill, type Tone } from "@fieldpay/ui/status-pill";

const STATUS: Readonly<Record<string, { label: string; tone: Tone }>> = {
  pending_payment: { label: "Awaiting payment", tone: "warn" },
  requires_action: { label: "Waiting for the bank's check", tone: "warn" },
  paid: { label: "Paid", tone: "good" },
  payment_failed: { label: "Payment failed", tone: "bad" },
  partially_refunded: { label: "Partly refunded", tone: "neutral" },
  refunded: { label: "Refunded", tone: "neutral" },
  canceled: { label: "Canceled", tone: "neutral" },
  disputed: { label: "Disputed", tone: "bad" },
  deposit_paid: { label: "Deposit paid", tone: "good" },
  card_saved: { label: "Card saved", tone: "neutral" },
  authorized: { label: "Amount held on card", tone: "neutral" },
  balance_due: { label: "Balance due", tone: "bad" },
};

export function bookingStatusLabel(status: string): string {
  return STATUS[status]?.label ?? status;
}

export function BookingStatusPill({ status }: { status: string }) {
  const known = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <StatusPill tone={known.tone}>{known.label}</StatusPill>;
}

export function formatWhen(value: Date | string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(value),
  );
}
