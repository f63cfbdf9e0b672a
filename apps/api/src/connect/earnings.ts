// What a fieldworker earned and was paid: for the admin (per fieldworker) and for the fieldworker themselves.

import type { Db } from "@fieldpay/db/client";
import {
  type EarningsPeriod,
  earningsByPeriod,
  listAccountPayouts,
  listApplicationFeesFrom,
  listFieldworkerPayments,
  listTransfersTo,
  openAccountAlerts,
  type PeriodTotals,
} from "@fieldpay/db/repositories/fieldworker-earnings";
import { dayWords } from "@fieldpay/payments/day-words";
import { unpayableAlertKind } from "./payable.ts";

const DAY_MS = 86_400_000;
// Twelve bars either way: a year of months or a quarter of weeks.
const LOOKBACK_MS: Record<EarningsPeriod, number> = { month: 366 * DAY_MS, week: 12 * 7 * DAY_MS };
const UPCOMING = new Set(["pending", "in_transit"]);

const money = (amount: number, currency: string) => ({ amount, currency });

/** "Oct 2026" or "Week of 2 Nov 2026": periods start on a UTC day. */
function periodLabel(start: Date, period: EarningsPeriod): string {
  if (period === "week") return `Week of ${dayWords(start)}`;
  return new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(start);
}

function paymentView(p: Awaited<ReturnType<typeof listFieldworkerPayments>>[number]) {
  const share = (amount: number | null) => (amount === null ? null : money(amount, p.currency));
  return {
    id: p.id,
    bookingId: p.booking_id,
    service: p.service_name,
    startsAt: new Date(p.starts_at),
    status: p.status,
    chargeType: p.charge_type,
    amount: money(p.amount, p.currency),
    applicationFee: share(p.application_fee_amount),
    fieldworkerNet: share(p.fieldworker_net_amount),
    refunded: money(p.amount_refunded, p.currency),
    createdAt: p.created_at,
  };
}

type Alert = Awaited<ReturnType<typeof openAccountAlerts>>[number];

function payoutView(p: Awaited<ReturnType<typeof listAccountPayouts>>[number], late: Alert | undefined) {
  return {
    id: p.id,
    amount: money(p.amount, p.currency),
    status: p.status,
    upcoming: UPCOMING.has(p.status),
    expectedArrival: p.arrival_date,
    failure: p.failure_message,
    late: late ? { title: late.title, explanation: late.explanation, fix: late.fix } : null,
    createdAt: new Date(p.stripe_created_at),
  };
}

function totalsView(t: PeriodTotals, period: EarningsPeriod) {
  return {
    label: periodLabel(t.periodStart, period),
    periodStart: t.periodStart,
    payments: t.payments,
    gross: money(t.gross, t.currency),
    applicationFees: money(t.applicationFees, t.currency),
    fieldworkerNet: money(t.fieldworkerNet, t.currency),
    refunded: money(t.refunded, t.currency),
    disputed: money(t.disputed, t.currency),
  };
}

export async function earnings(
  db: Db,
  input: {
    tenantId: string;
    fieldworkerId: string;
    accountId: string | null;
    period: EarningsPeriod;
    audience: "admin" | "fieldworker";
  },
) {
  const { tenantId, accountId } = input;
  // Alerts about a late payout reach the fieldworker; "cannot be paid" is the admin's to act on.
  const alerts = await openAccountAlerts(db, {
    tenantId,
    fieldworkerId: input.fieldworkerId,
    accountId,
    excludeKinds: input.audience === "fieldworker" ? [unpayableAlertKind] : [],
  });
  if (!accountId) return { payments: [], fees: [], transfers: [], payouts: [], totals: [], alerts };
  const [payments, fees, transfers, payouts, totals] = await Promise.all([
    listFieldworkerPayments(db, tenantId, accountId),
    listApplicationFeesFrom(db, tenantId, accountId),
    listTransfersTo(db, tenantId, accountId),
    listAccountPayouts(db, tenantId, accountId),
    earningsByPeriod(db, {
      tenantId,
      accountId,
      period: input.period,
      since: new Date(Date.now() - LOOKBACK_MS[input.period]),
    }),
  ]);
  const lateBecause = new Map(alerts.filter((a) => a.payout_id).map((a) => [a.payout_id, a]));
  return {
    payments: payments.map(paymentView),
    fees: fees.map((f) => ({
      id: f.id,
      amount: money(f.amount, f.currency),
      refunded: money(f.amount_refunded, f.currency),
      charge: f.charge,
      createdAt: new Date(f.stripe_created_at),
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      amount: money(t.amount, t.currency),
      reversed: money(t.amount_reversed, t.currency),
      sourceCharge: t.source_charge,
      createdAt: new Date(t.stripe_created_at),
    })),
    payouts: payouts.map((p) => payoutView(p, lateBecause.get(p.id))),
    totals: totals.map((t) => totalsView(t, input.period)),
    alerts,
  };
}
