// Days and time spans in the words pages show (packages/ui's dates use the same "2 Dec 2026" form), for the texts
// the health checks and payout alerts write. A day Stripe names (arrival_date, current_deadline) is a UTC day.

export function dayWords(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "less than an hour ago", "1 hour ago", "30 hours ago", "3 days ago". */
export function hoursAgoWords(hours: number): string {
  if (hours < 1) return "less than an hour ago";
  if (hours < 48) return `${plural(Math.floor(hours), "hour")} ago`;
  return `${plural(Math.floor(hours / 24), "day")} ago`;
}

/** "1 business day late", "4 business days late"; past a month of business days, just "over a month late". */
export function businessDaysLateWords(days: number): string {
  return days > 22 ? "over a month late" : `${plural(days, "business day")} late`;
}
