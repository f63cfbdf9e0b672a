// A booking's status as customers and admins read it: packages/ui's one status vocabulary.
import { formatDateTime } from "@fieldpay/ui/dates";
import { Status, statusWords } from "@fieldpay/ui/status-pill";

export function bookingStatusLabel(status: string): string {
  return statusWords("booking", status).label;
}

export function BookingStatusPill({ status }: { status: string }) {
  return <Status kind="booking" status={status} />;
}

/** The one date format ("2 Dec 2026, 14:05"), for the pages that show a date inside a sentence. */
export function formatWhen(value: Date | string): string {
  return formatDateTime(value);
}
