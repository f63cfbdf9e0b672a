import { formatMoney } from "@fieldpay/payments/money/format";
import type { ReactNode } from "react";

export interface BarChartDatum {
  /** The period, e.g. "Mar" or "2026-W14". Labels must be unique within a chart. */
  label: string;
  /** The period's total in integer minor units; negative when refunds outweigh charges. */
  value: number;
}

export interface BarChartProps {
  /** Shown above the chart and used to name it for screen readers. */
  title: string;
  data: ReadonlyArray<BarChartDatum>;
  /** ISO currency of every value. */
  currency: string;
  locale?: string;
  /** Height in CSS pixels; the width always fills the container. */
  height?: number;
  emptyMessage?: ReactNode;
  /** At most this many period labels are drawn (every n-th period); fewer fit a phone when periods are many. */
  maxLabels?: number;
}

// Pixels above the plot for the scale label and below it for the period labels.
const TOP = 22;
const BOTTOM = 24;
// More period labels than this collide on a narrow screen, so only every n-th one is drawn.
const MAX_LABELS = 12;

export function BarChart({
  title,
  data,
  currency,
  locale,
  height = 220,
  emptyMessage = "No totals for this period yet.",
  maxLabels = MAX_LABELS,
}: BarChartProps) {
  const money = (value: number) => formatMoney(value, currency, locale);
  if (data.length === 0) {
    return (
      <figure className="bar-chart">
        <figcaption className="bar-chart-title">{title}</figcaption>
        <p className="bar-chart-empty">{emptyMessage}</p>
      </figure>
    );
  }
  const highest = Math.max(0, ...data.map((d) => d.value));
  const lowest = Math.min(0, ...data.map((d) => d.value));
  const plot = height - TOP - BOTTOM;
  const perUnit = plot / (highest - lowest || 1);
  const zeroY = TOP + highest * perUnit;
  // Horizontal positions are percentages so the bars stretch with the container while text keeps its size.
  const slot = 100 / data.length;
  const labelEvery = Math.ceil(data.length / Math.max(1, maxLabels));
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart-title">{title}</figcaption>
      <svg
        className="bar-chart-svg"
        role="img"
        aria-label={summarize(title, data, money)}
        width="100%"
        height={height}
      >
        <text className="bar-chart-scale" x="0" y={TOP - 8}>
          {money(highest)}
        </text>
        <line className="bar-chart-grid" x1="0" x2="100%" y1={TOP} y2={TOP} />
        {data.map((d, i) => {
          const size = Math.abs(d.value) * perUnit;
          return (
            <g key={d.label}>
              <rect
                className={d.value < 0 ? "bar-chart-bar bar-chart-bar-negative" : "bar-chart-bar"}
                x={`${px(i * slot + slot * 0.18)}%`}
                width={`${px(slot * 0.64)}%`}
                y={px(d.value < 0 ? zeroY : zeroY - size)}
                // A tiny non-zero total still shows as a sliver rather than vanishing.
                height={d.value === 0 ? 0 : px(Math.max(size, 1))}
                rx="3"
              >
                <title>{`${d.label}: ${money(d.value)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text
                  className="bar-chart-label"
                  x={`${px((i + 0.5) * slot)}%`}
                  y={height - 6}
                  textAnchor="middle"
                >
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
        <line className="bar-chart-axis" x1="0" x2="100%" y1={px(zeroY)} y2={px(zeroY)} />
      </svg>
      {/* The exact figures, for screen readers and anyone who cannot read bar heights. Hidden by a wrapper: a
          table grows to its content whatever width it is given, and would widen the page on a phone. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{money(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

// Geometry only (never money): two decimals are finer than any screen and keep the markup short.
function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One sentence a screen reader can speak in place of the picture. */
export function summarize(
  title: string,
  data: ReadonlyArray<BarChartDatum>,
  money: (value: number) => string,
): string {
  const first = data[0];
  const last = data[data.length - 1];
  if (!first || !last) return `${title}: no data.`;
  let top = first;
  let bottom = first;
  let total = 0;
  for (const d of data) {
    total += d.value; // integers, so the sum is exact
    if (d.value > top.value) top = d;
    if (d.value < bottom.value) bottom = d;
  }
  const span =
    data.length === 1
      ? `1 period (${first.label})`
      : `${data.length} periods, ${first.label} to ${last.label}`;
  return `${title}: ${span}. Total ${money(total)}. Highest ${money(top.value)} in ${top.label}; lowest ${money(bottom.value)} in ${bottom.label}.`;
}
