// overview.get's input and output. The output lists every field so nothing else of the business leaks by accident.
import { z } from "zod";
import { isTimeZone } from "./local-days.ts";

export const OVERVIEW_RANGES = ["today", "7d", "30d"] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

/** Whole local days in each range, today included. */
export const RANGE_DAYS: Readonly<Record<OverviewRange, number>> = { today: 1, "7d": 7, "30d": 30 };

export const overviewInput = z.object({
  range: z.enum(OVERVIEW_RANGES, { message: "Choose Today, 7 days or 30 days." }),
  // The admin's own time zone (the browser's), so "today" starts at their midnight; UTC when not given.
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, "Choose a time zone by its name, such as Europe/London.")
    .default("UTC"),
});

export const checklistItemOutput = z.object({
  id: z.enum(["keys", "webhooks", "service", "booking_page", "fieldworker"]),
  title: z.string(),
  done: z.boolean(),
  /** What it means now: what was done, or what is missing. */
  detail: z.string(),
  action: z.object({ label: z.string(), href: z.string() }),
});

export const figureOutput = z.object({
  id: z.enum([
    "gross",
    "refunds",
    "net",
    "application_fees",
    "fieldworker_share",
    "payouts_in_transit",
    "open_alerts",
    "open_disputes",
  ]),
  label: z.string(),
  kind: z.enum(["money", "count"]),
  /** Minor units of `currency` for money, else a count. */
  value: z.number().int(),
  /** The same figure for the previous period of the same length; null for figures that are a state of now. */
  previous: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** A line under the value (what is counted, or a breakdown). */
  detail: z.string().nullable(),
  /** Parts of the value, in its unit (payouts in transit: to the business's bank and to fieldworkers). */
  breakdown: z.array(z.object({ label: z.string(), value: z.number().int() })),
  link: z.object({ label: z.string(), href: z.string() }),
});

export const overviewOutput = z.object({
  mode: z.enum(["direct", "connect"]).nullable(),
  currency: z.string(),
  timeZone: z.string(),
  range: z.object({
    key: z.enum(OVERVIEW_RANGES),
    days: z.number().int(),
    /** Local dates (YYYY-MM-DD): the period's first day and today, and the previous period's first and last. */
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
  }),
  setup: z.object({
    done: z.boolean(),
    completed: z.number().int(),
    total: z.number().int(),
    items: z.array(checklistItemOutput),
  }),
  figures: z.array(figureOutput),
  /** One entry per local day of the period, oldest first, in `currency`. */
  series: z.array(
    z.object({ day: z.string(), gross: z.number().int(), refunds: z.number().int(), net: z.number().int() }),
  ),
  /** Currencies with money recorded that the figures above leave out (they are in `currency` only). */
  otherCurrencies: z.array(z.string()),
});

export type OverviewOutput = z.infer<typeof overviewOutput>;
export type ChecklistItem = z.infer<typeof checklistItemOutput>;
export type Figure = z.infer<typeof figureOutput>;
