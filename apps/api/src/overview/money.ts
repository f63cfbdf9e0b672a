// The Overview's figures: the period's money from the ledger against the period before, and what stands open now
// (payouts in transit, alerts, disputes). Amounts are integer minor units of the business's currency.
import type { LedgerDay, OverviewState } from "@fieldpay/db/repositories/overview";
import type { Figure, OverviewOutput } from "./schemas.ts";

type Sums = Pick<LedgerDay, "charged" | "refunded" | "net" | "applicationFees" | "fieldworkers" | "charges">;

const zero = (): Sums => ({
  charged: 0,
  refunded: 0,
  net: 0,
  applicationFees: 0,
  fieldworkers: 0,
  charges: 0,
});

function add(into: Sums, day: Sums): void {
  into.charged += day.charged;
  into.refunded += day.refunded;
  into.net += day.net;
  into.applicationFees += day.applicationFees;
  into.fieldworkers += day.fieldworkers;
  into.charges += day.charges;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function moneyFigures(input: {
  state: OverviewState;
  days: readonly LedgerDay[];
  currency: string;
  /** Local dates of the current period, oldest first. */
  periodDays: readonly string[];
}): Pick<OverviewOutput, "figures" | "series" | "otherCurrencies"> {
  const { state, currency } = input;
  const current = zero();
  const previous = zero();
  const perDay = new Map(input.periodDays.map((day) => [day, zero()]));
  const others = new Set<string>();
  for (const row of input.days) {
    if (row.currency !== currency) {
      others.add(row.currency);
      continue;
    }
    add(row.current ? current : previous, row);
    const day = row.current ? perDay.get(row.day) : undefined;
    if (day) add(day, row);
  }
  const money = (
    id: Figure["id"],
    label: string,
    pick: (s: Sums) => number,
    link: Figure["link"],
    detail: string | null = null,
  ): Figure => ({
    id,
    label,
    kind: "money",
    value: pick(current),
    previous: pick(previous),
    currency,
    detail,
    breakdown: [],
    link,
  });
  const bookings = { label: "See bookings", href: "/app/bookings" };
  const connect = state.mode === "connect";
  const figures: Figure[] = [
    money("gross", "Gross volume", (s) => s.charged, bookings, plural(current.charges, "charge", "charges")),
    money("refunds", "Refunds", (s) => s.refunded, bookings),
    money("net", "Net volume", (s) => s.net, bookings, "After refunds and disputes"),
  ];
  if (connect) {
    figures.push(
      money(
        "application_fees",
        "Application fees earned",
        (s) => s.applicationFees,
        bookings,
        "Your commission, after refunds",
      ),
      money(
        "fieldworker_share",
        "Paid to fieldworkers",
        (s) => s.fieldworkers,
        {
          label: "See fieldworkers",
          href: "/app/fieldworkers",
        },
        "Their share of charges, after refunds",
      ),
    );
  }
  figures.push(payoutsFigure(state, currency, others), ...openFigures(state));
  return {
    figures,
    series: input.periodDays.map((day) => {
      const sums = perDay.get(day) ?? zero();
      return { day, gross: sums.charged, refunds: sums.refunded, net: sums.net };
    }),
    otherCurrencies: [...others].sort(),
  };
}

function payoutsFigure(state: OverviewState, currency: string, others: Set<string>): Figure {
  let own = 0;
  let theirs = 0;
  let count = 0;
  for (const p of state.payoutsInTransit) {
    if (p.currency !== currency) {
      others.add(p.currency);
      continue;
    }
    count += p.count;
    if (p.own) own += p.amount;
    else theirs += p.amount;
  }
  return {
    id: "payouts_in_transit",
    label: "Payouts in transit",
    kind: "money",
    value: own + theirs,
    previous: null,
    currency,
    detail: count === 0 ? "None on the way" : `${plural(count, "payout", "payouts")} on the way`,
    breakdown:
      state.mode === "connect" && count > 0
        ? [
            { label: "To your bank", value: own },
            { label: "To fieldworkers", value: theirs },
          ]
        : [],
    link: { label: "See payouts", href: "/app/payouts" },
  };
}

function openFigures(state: OverviewState): Figure[] {
  return [
    {
      id: "open_alerts",
      label: "Open alerts",
      kind: "count",
      value: state.openAlerts,
      previous: null,
      currency: null,
      detail:
        state.openAlerts === 0 ? "Nothing needs you" : "Late, failed or paused payouts and other problems",
      breakdown: [],
      link: { label: "See alerts", href: "/app/payouts" },
    },
    {
      id: "open_disputes",
      label: "Open disputes",
      kind: "count",
      value: state.openDisputes,
      previous: null,
      currency: null,
      detail:
        state.openDisputes === 0
          ? "No customer is disputing a payment"
          : state.disputesNeedingResponse > 0
            ? `${plural(state.disputesNeedingResponse, "needs", "need")} your evidence`
            : "Under review by the customer's bank",
      breakdown: [],
      link: { label: "See bookings", href: "/app/bookings" },
    },
  ];
}
