// Money through a fieldworker's account: totals per period (chart), payouts (upcoming and past, with why one is
// late), payments received, the business's commission and transfers. Shared by the admin's page (about "the
// fieldworker") and the fieldworker's own (about "you"; Stripe's objects such as application fees stay the admin's).
import { Alert } from "@fieldpay/ui/alert";
import { BarChart } from "@fieldpay/ui/bar-chart";
import { DataTable } from "@fieldpay/ui/data-table";
import { When } from "@fieldpay/ui/dates";
import { Money } from "@fieldpay/ui/money";
import { Status, StatusPill } from "@fieldpay/ui/status-pill";
import { StripeId } from "../lib/stripe-id.tsx";
import type { Earnings, Period } from "./types.ts";

export type Audience = "fieldworker" | "admin";

/** The words that differ between the fieldworker ("you") and the admin ("the fieldworker"). */
const WORDS = {
  fieldworker: {
    share: "Your share",
    commission: "The business's commission",
    chart: "Your earnings (after the business's commission)",
    received: "Customers paid",
  },
  admin: {
    share: "Fieldworker's share",
    commission: "Your commission",
    chart: "Payments received",
    received: "Received",
  },
} as const;

/** The admin's "a customer could not pay this fieldworker" alert, shown on its own above the money. */
export const UNPAYABLE = "fieldworker_unpayable";

const day = (value: Date | string | null) => (value ? <When value={value} show="day" /> : "—");

export function PeriodChart({
  earnings,
  period,
  onPeriod,
  audience,
}: {
  earnings: Earnings;
  period: Period;
  onPeriod: (period: Period) => void;
  audience: Audience;
}) {
  const words = WORDS[audience];
  // One chart, one currency: the business's first (a business charging in several gets the table for the rest).
  const currency = earnings.totals[0]?.gross.currency ?? "usd";
  const charted = earnings.totals.filter((t) => t.gross.currency === currency);
  const net = audience === "fieldworker";
  return (
    <section className="card">
      <div className="actions">
        <label>
          Totals per{" "}
          <select value={period} onChange={(e) => onPeriod(e.target.value === "week" ? "week" : "month")}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </label>
      </div>
      <BarChart
        title={words.chart}
        currency={currency}
        data={charted.map((t) => ({
          label: t.label,
          value: net ? t.fieldworkerNet.amount : t.gross.amount,
        }))}
        emptyMessage="No paid bookings in this period yet."
      />
      <DataTable
        caption="Totals per period"
        rows={earnings.totals}
        rowKey={(t) => `${t.label}-${t.gross.currency}`}
        emptyMessage="Nothing yet."
        columns={[
          { key: "period", header: "Period", cell: (t) => t.label, rowHeader: true },
          { key: "count", header: "Payments", cell: (t) => t.payments, align: "right" },
          { key: "gross", header: words.received, cell: (t) => <Money {...t.gross} />, align: "right" },
          {
            key: "fees",
            header: words.commission,
            cell: (t) => <Money {...t.applicationFees} />,
            align: "right",
          },
          {
            key: "disputed",
            header: "Taken back for disputes",
            cell: (t) => (t.disputed.amount === 0 ? "—" : <Money {...t.disputed} />),
            align: "right",
          },
          {
            key: "net",
            header: words.share,
            cell: (t) => <Money {...t.fieldworkerNet} />,
            align: "right",
          },
        ]}
      />
    </section>
  );
}

export function PayoutSections({ earnings, audience }: { earnings: Earnings; audience: Audience }) {
  const upcoming = earnings.payouts.filter((p) => p.upcoming);
  const past = earnings.payouts.filter((p) => !p.upcoming);
  const listed = new Set(earnings.payouts.filter((p) => p.late).map((p) => p.id));
  // Alerts about the account as a whole (payouts paused) or about a payout not mirrored here yet.
  const late = earnings.alerts.filter(
    (a) => a.kind !== UNPAYABLE && (a.payout_id === null || !listed.has(a.payout_id)),
  );
  const columns = [
    {
      key: "amount",
      header: "Amount",
      cell: (p: Earnings["payouts"][number]) => <Money {...p.amount} />,
      rowHeader: true,
    },
    {
      key: "status",
      header: "Status",
      cell: (p: Earnings["payouts"][number]) =>
        p.late ? <StatusPill tone="bad">Late</StatusPill> : <Status kind="payout" status={p.status} />,
    },
    {
      key: "arrival",
      header: "Expected arrival",
      cell: (p: Earnings["payouts"][number]) => day(p.expectedArrival),
    },
    {
      key: "why",
      header: "Notes",
      cell: (p: Earnings["payouts"][number]) =>
        p.late ? `${p.late.title}. ${p.late.explanation} ${p.late.fix}` : (p.failure ?? ""),
    },
  ];
  return (
    <section className="card">
      <h2>Payouts</h2>
      {earnings.payouts
        .filter((p) => p.late)
        .map((p) => (
          <Alert key={p.id} tone="warning" title={p.late?.title ?? "Payout late"} fix={p.late?.fix}>
            {p.late?.explanation}
          </Alert>
        ))}
      {late.map((a) => (
        <Alert key={a.id} tone="warning" title={a.title} fix={a.fix}>
          {a.explanation}
        </Alert>
      ))}
      <DataTable
        caption="Upcoming payouts"
        rows={upcoming}
        rowKey={(p) => p.id}
        columns={columns}
        emptyMessage={audience === "fieldworker" ? "No payout on its way to you." : "No payout on its way."}
      />
      <DataTable
        caption="Past payouts"
        rows={past}
        rowKey={(p) => p.id}
        columns={columns}
        emptyMessage="No payouts yet."
      />
    </section>
  );
}

export function PaymentSections({ earnings, audience }: { earnings: Earnings; audience: Audience }) {
  const words = WORDS[audience];
  return (
    <section className="card">
      <DataTable
        caption={audience === "fieldworker" ? "Payments for your jobs" : "Payments received"}
        rows={earnings.payments}
        rowKey={(p) => p.id}
        emptyMessage="No payments yet."
        columns={[
          {
            key: "when",
            header: "Booking",
            cell: (p) => (
              <>
                {p.service}, {day(p.startsAt)}
              </>
            ),
            rowHeader: true,
          },
          { key: "status", header: "Status", cell: (p) => <Status kind="payment" status={p.status} /> },
          { key: "amount", header: "Charged", cell: (p) => <Money {...p.amount} />, align: "right" },
          {
            key: "fee",
            header: words.commission,
            cell: (p) => (p.applicationFee ? <Money {...p.applicationFee} /> : "—"),
            align: "right",
          },
          {
            key: "net",
            header: words.share,
            cell: (p) => (p.fieldworkerNet ? <Money {...p.fieldworkerNet} /> : "—"),
            align: "right",
          },
          { key: "refunded", header: "Refunded", cell: (p) => <Money {...p.refunded} />, align: "right" },
        ]}
      />
      {audience === "admin" && <StripeObjects earnings={earnings} />}
    </section>
  );
}

/** The application fees and transfers as Stripe recorded them, with their Stripe ids: for the admin only. */
function StripeObjects({ earnings }: { earnings: Earnings }) {
  return (
    <>
      <DataTable
        caption="Your commission as Stripe recorded it (application fees)"
        rows={earnings.fees}
        rowKey={(f) => f.id}
        emptyMessage="No commission recorded by Stripe yet."
        columns={[
          { key: "id", header: "Fee", cell: (f) => <StripeId id={f.id} />, rowHeader: true },
          { key: "when", header: "Date", cell: (f) => day(f.createdAt) },
          { key: "amount", header: "Amount", cell: (f) => <Money {...f.amount} />, align: "right" },
          { key: "refunded", header: "Refunded", cell: (f) => <Money {...f.refunded} />, align: "right" },
        ]}
      />
      <DataTable
        caption="Transfers to the fieldworker"
        rows={earnings.transfers}
        rowKey={(t) => t.id}
        emptyMessage="No transfers yet (Standard accounts are paid directly, without transfers)."
        columns={[
          { key: "id", header: "Transfer", cell: (t) => <StripeId id={t.id} />, rowHeader: true },
          { key: "when", header: "Date", cell: (t) => day(t.createdAt) },
          { key: "amount", header: "Amount", cell: (t) => <Money {...t.amount} />, align: "right" },
          { key: "reversed", header: "Reversed", cell: (t) => <Money {...t.reversed} />, align: "right" },
        ]}
      />
    </>
  );
}
