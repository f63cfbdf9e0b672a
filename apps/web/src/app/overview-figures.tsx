// The Overview's money as cards (value, the change against the previous period in words and %, the list behind
// it) and its net volume per day as a bar chart with a text alternative.
import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { BarChart } from "@fieldpay/ui/bar-chart";
import { formatDayShort, When } from "@fieldpay/ui/dates";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
type Overview = RouterOutputs["overview"]["get"];
type Figure = Overview["figures"][number];

// For these a rise is bad news; the words say so in colour too (never by colour alone: the text says up or down).
const RISE_IS_BAD: ReadonlySet<Figure["id"]> = new Set(["refunds"]);

// The api sends calendar days already worked out in the reader's time zone ("2026-12-02"): shown as that day.
const dayDate = (date: string) => new Date(`${date}T00:00:00Z`);
const Day = ({ date }: { date: string }) => <When value={dayDate(date)} show="day" timeZone="UTC" />;

/** "Today (2 Dec 2026), compared with yesterday…" / "11 Nov 2026 – 10 Dec 2026, compared with 12 Oct 2026 – …". */
export function PeriodWords({ range }: { range: Overview["range"] }) {
  if (range.days === 1)
    return (
      <>
        Today (<Day date={range.to} />
        ), compared with yesterday up to this time
      </>
    );
  return (
    <>
      <Day date={range.from} /> – <Day date={range.to} />, compared with <Day date={range.previousFrom} /> –{" "}
      <Day date={range.previousTo} /> up to this time
    </>
  );
}

function previousName(days: number): string {
  return days === 1 ? "yesterday" : `the previous ${days} days`;
}

function formatValue(f: Pick<Figure, "kind" | "currency">, value: number): string {
  return f.kind === "money" && f.currency
    ? formatMoney(value, f.currency)
    : new Intl.NumberFormat().format(value);
}

export function changeWords(
  f: Pick<Figure, "kind" | "currency" | "value" | "previous">,
  days: number,
): { text: string; direction: "up" | "down" | "same" } | null {
  if (f.previous === null) return null;
  const before = previousName(days);
  const was = formatValue(f, f.previous);
  if (f.value === f.previous) return { text: `Same as ${before} (${was})`, direction: "same" };
  const direction = f.value > f.previous ? "up" : "down";
  const word = direction === "up" ? "Up" : "Down";
  if (f.previous === 0) return { text: `${word} from ${was} ${before}`, direction };
  const percent = (Math.abs(f.value - f.previous) / Math.abs(f.previous)) * 100;
  const shown = percent < 1 ? "less than 1" : new Intl.NumberFormat().format(Math.round(percent));
  return { text: `${word} ${shown}% on ${before} (${was})`, direction };
}

function FigureCard({ figure, days }: { figure: Figure; days: number }) {
  const change = changeWords(figure, days);
  const good =
    change && change.direction !== "same" ? (change.direction === "up") !== RISE_IS_BAD.has(figure.id) : null;
  const tone = good === null ? "" : good ? " overview-change-good" : " overview-change-bad";
  return (
    <li className="overview-figure">
      <h3 className="overview-figure-label">{figure.label}</h3>
      <p className="overview-figure-value">{formatValue(figure, figure.value)}</p>
      {change && (
        <p className={`overview-change${tone}`}>
          <span aria-hidden="true">
            {change.direction === "up" ? "▲ " : change.direction === "down" ? "▼ " : ""}
          </span>
          {change.text}
        </p>
      )}
      {figure.detail && <p className="overview-figure-detail">{figure.detail}</p>}
      {figure.breakdown.length > 0 && (
        <ul className="overview-breakdown">
          {figure.breakdown.map((part) => (
            <li key={part.label}>
              {part.label}: {formatValue(figure, part.value)}
            </li>
          ))}
        </ul>
      )}
      <Link className="overview-figure-link" to={figure.link.href}>
        {figure.link.label}
        <span className="visually-hidden"> ({figure.label})</span>
      </Link>
    </li>
  );
}

export function OverviewFigures({ overview }: { overview: Overview }) {
  return (
    <ul className="overview-figures">
      {overview.figures.map((figure) => (
        <FigureCard key={figure.id} figure={figure} days={overview.range.days} />
      ))}
    </ul>
  );
}

/** Net volume per day; for "Today" a single bar says nothing the cards do not, so there is none. */
export function OverviewChart({ overview }: { overview: Overview }) {
  if (overview.range.days === 1) return null;
  return (
    <div className="card overview-chart">
      <BarChart
        title={`Net volume per day, ${overview.currency.toUpperCase()}`}
        currency={overview.currency}
        height={200}
        // Every day of a week, every fifth of 30: as many dates as fit under the bars on a phone.
        maxLabels={7}
        data={overview.series.map((d) => ({ label: formatDayShort(dayDate(d.day), "UTC"), value: d.net }))}
      />
    </div>
  );
}
