// overview.get: two statements (the business's state, and its ledger per local day for the period and the one
// before), shaped into the setup checklist, the figures and the chart's series.
import type { Db } from "@fieldpay/db/client";
import { ledgerByDay, overviewState } from "@fieldpay/db/repositories/overview";
import { notFound } from "../errors.ts";
import { setupChecklist } from "./checklist.ts";
import { addDays, daysEndingWith, localDate } from "./local-days.ts";
import { moneyFigures } from "./money.ts";
import { type OverviewOutput, type OverviewRange, RANGE_DAYS } from "./schemas.ts";

// A business that has set nothing up yet has no currency of its own; its (empty) figures are shown in this one.
const FALLBACK_CURRENCY = "usd";

export async function getOverview(
  db: Db,
  input: {
    tenant: { id: string; slug: string };
    range: OverviewRange;
    timeZone: string;
    now: Date;
  },
): Promise<OverviewOutput> {
  const { tenant, range, timeZone, now } = input;
  const days = RANGE_DAYS[range];
  const [state, ledger] = await Promise.all([
    overviewState(db, tenant.id),
    ledgerByDay(db, { tenantId: tenant.id, days, timeZone, now }),
  ]);
  if (!state) throw notFound("This business");
  const currency = state.currency ?? FALLBACK_CURRENCY;
  const today = localDate(now, timeZone);
  const periodDays = daysEndingWith(today, days);
  const from = periodDays[0] ?? today;
  return {
    mode: state.mode,
    currency,
    timeZone,
    range: {
      key: range,
      days,
      from,
      to: today,
      previousFrom: addDays(from, -days),
      previousTo: addDays(today, -days),
    },
    setup: setupChecklist(state, tenant, now),
    ...moneyFigures({ state, days: ledger, currency, periodDays }),
  };
}
