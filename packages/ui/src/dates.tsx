// The one date format: "2 Dec 2026, 14:05" (or "2 Dec 2026" for a day), and times relative to now where they
// help ("in 3 days", "2 hours ago"). Never an ISO timestamp on a page: the machine-readable form goes into
// <time dateTime>, not the text.

type DateLike = Date | string | number;

const toDate = (value: DateLike) => (value instanceof Date ? value : new Date(value));

/** `timeZone` is for tests and e-mails; pages use the reader's own. */
export function formatDateTime(value: DateLike, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(timeZone ? { timeZone } : {}),
  }).format(toDate(value));
}

export function formatDay(value: DateLike, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(timeZone ? { timeZone } : {}),
  }).format(toDate(value));
}

/** "2 Dec": the same day without its year, for a chart's axis whose title or period already says the year. */
export function formatDayShort(value: DateLike, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(toDate(value));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/** "in 3 days", "2 hours ago", "tomorrow", "just now": the largest whole unit, rounded towards zero. */
export function relativeTime(value: DateLike, now: Date = new Date()): string {
  const ms = toDate(value).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    const whole = Math.trunc(ms / size);
    if (whole !== 0) return format.format(whole, unit);
  }
  return "just now";
}

export interface WhenProps {
  value: DateLike;
  /** "day" for dates without a meaningful time (a payout's arrival, an invitation's expiry). */
  show?: "day" | "time";
  /** Adds "(in 3 days)" / "(2 hours ago)" after the date: for deadlines and recent events. */
  relative?: boolean;
  now?: Date;
  /** For a calendar day already worked out in some zone (sent as "2026-12-02", read at UTC midnight): "UTC". */
  timeZone?: string;
}

/** A date as pages show it. */
export function When({ value, show = "time", relative = false, now, timeZone }: WhenProps) {
  const date = toDate(value);
  const text = show === "day" ? formatDay(date, timeZone) : formatDateTime(date, timeZone);
  return (
    <time dateTime={date.toISOString()}>
      {text}
      {relative && <span className="when-relative"> ({relativeTime(date, now)})</span>}
    </time>
  );
}
