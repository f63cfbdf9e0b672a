// Disputes as the admin's pages show them: the api's view, and the deadline as time left in words.
import type { AppRouter } from "@fieldpay/api/router";
import { statusWords, type Tone } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";

export type DisputeView = inferRouterOutputs<AppRouter>["disputes"]["get"];

const HOUR = 3_600_000;

/** "3 days 4 hours left", "5 hours left", "under an hour left", or that the deadline passed. */
export function timeLeft(dueBy: Date | string, now: Date): { words: string; urgent: boolean } {
  const ms = new Date(dueBy).getTime() - now.getTime();
  if (ms <= 0) return { words: "The deadline has passed", urgent: true };
  const hours = Math.floor(ms / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const words =
    days > 0
      ? `${plural(days, "day")}${rest > 0 ? ` ${plural(rest, "hour")}` : ""} left`
      : hours > 0
        ? `${plural(hours, "hour")} left`
        : "Under an hour left";
  return { words, urgent: ms <= 72 * HOUR };
}

/** The vocabulary's tone for the dispute's status; evidence already sent no longer needs the admin (warn). */
export function disputeTone(d: Pick<DisputeView, "status" | "needsResponse">): Tone {
  if (d.needsResponse) return "bad";
  const { tone } = statusWords("dispute", d.status);
  return tone === "bad" && d.status !== "lost" ? "warn" : tone;
}
