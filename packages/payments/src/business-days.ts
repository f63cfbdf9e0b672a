// Calendar arithmetic on UTC days. Bank holidays differ per country and are not known here, which is why the
// payout checks add a business day of grace wherever a holiday could explain a delay.

const DAY_MS = 86_400_000;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
}

/** Days since 1970-01-01 (UTC), so that weekday maths works on integers. */
function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 correct.
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekendDay(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(date: Date): boolean {
  assertValidDate(date);
  return !isWeekendDay(dayNumber(date));
}

/** Midnight UTC of the day `date` falls on. */
export function startOfUtcDay(date: Date): Date {
  assertValidDate(date);
  return new Date(dayNumber(date) * DAY_MS);
}

/**
 * Moves forward one calendar day at a time and counts only the weekdays it lands on, keeping the time of day:
 * Friday + 1 is Monday, Saturday + 1 is Monday, anything + 0 is itself.
 */
export function addBusinessDays(date: Date, days: number): Date {
  assertValidDate(date);
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`business days must be a non-negative integer, got ${days}`);
  }
  if (days === 0) return new Date(date.getTime());
  // Any 7 consecutive days hold exactly 5 weekdays, so whole weeks can be skipped as long as at least one
  // business day is left to walk (the walk decides where a count that ends on a weekend lands).
  const weeks = Math.floor((days - 1) / 5);
  let day = dayNumber(date) + weeks * 7;
  let remaining = days - weeks * 5;
  while (remaining > 0) {
    day += 1;
    if (!isWeekendDay(day)) remaining -= 1;
  }
  return new Date(date.getTime() + (day - dayNumber(date)) * DAY_MS);
}

/**
 * Weekdays after `from`'s day up to and including `to`'s day (UTC), negative when `to` is earlier.
 * `countBusinessDays(d, addBusinessDays(d, n)) === n` for every n >= 0.
 */
export function countBusinessDays(from: Date, to: Date): number {
  assertValidDate(from);
  assertValidDate(to);
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -countBusinessDays(to, from);
  const weeks = Math.floor((end - start) / 7);
  let count = weeks * 5;
  for (let day = start + weeks * 7 + 1; day <= end; day += 1) {
    if (!isWeekendDay(day)) count += 1;
  }
  return count;
}

/** The parts of Stripe's `settings.payouts.schedule` that decide when funds leave the balance. */
export interface PayoutScheduleLike {
  interval: string;
  delay_days: number;
  weekly_anchor?: string | undefined;
  weekly_payout_days?: readonly string[] | undefined;
  monthly_anchor?: number | undefined;
  monthly_payout_days?: readonly number[] | undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function isMonthlyPayoutDay(day: number, payoutDays: readonly number[]): boolean {
  const date = new Date(day * DAY_MS);
  const lastDay = daysInMonth(date.getUTCFullYear(), date.getUTCMonth());
  // Stripe pays anchors past the end of a short month (29th-31st) on its last day.
  return payoutDays.some((anchor) => Math.min(anchor, lastDay) === date.getUTCDate());
}

/** The anchor days of a weekly or monthly schedule, whichever of Stripe's two spellings it uses. */
function anchors(schedule: PayoutScheduleLike): {
  weekdays: readonly string[];
  monthDays: readonly number[];
} {
  const { weekly_anchor, monthly_anchor } = schedule;
  return {
    weekdays: schedule.weekly_payout_days ?? (weekly_anchor ? [weekly_anchor] : []),
    monthDays: schedule.monthly_payout_days ?? (monthly_anchor ? [monthly_anchor] : []),
  };
}

function matchesSchedule(day: number, schedule: PayoutScheduleLike): boolean {
  if (schedule.interval === "daily") return !isWeekendDay(day);
  if (schedule.interval === "weekly")
    return anchors(schedule).weekdays.includes(WEEKDAYS[weekdayOf(day)] ?? "");
  if (schedule.interval === "monthly") return isMonthlyPayoutDay(day, anchors(schedule).monthDays);
  return false;
}

/**
 * The first day (midnight UTC) on or after `availableAt` on which an automatic payout would sweep funds that
 * became available then, or null when the schedule is manual or unreadable (nothing leaves on its own).
 */
export function nextScheduledPayoutDay(availableAt: Date, schedule: PayoutScheduleLike): Date | null {
  assertValidDate(availableAt);
  const first = dayNumber(availableAt);
  // Two months covers every monthly anchor; a schedule that matches nothing in that span never pays out.
  for (let day = first; day <= first + 62; day += 1) {
    if (matchesSchedule(day, schedule)) return new Date(day * DAY_MS);
  }
  return null;
}

/** "daily", "weekly (Monday)", "monthly (day 1)" or "manual", for explanations. */
export function describeSchedule(schedule: PayoutScheduleLike): string {
  const { weekdays, monthDays } = anchors(schedule);
  const capital = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);
  if (schedule.interval === "weekly") return `weekly (${weekdays.map(capital).join(", ")})`;
  if (schedule.interval === "monthly") return `monthly (day ${monthDays.join(", ")})`;
  return schedule.interval;
}
