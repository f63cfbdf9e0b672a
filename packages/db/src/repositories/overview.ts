// The admin Overview's two reads: the business's state (setup checklist, payouts in transit, open alerts and
// disputes) in one statement, and its money per local day for a period and the period before it, from the ledger,
// in another. Every figure on the page comes from one of these two; both are scoped by tenant_id throughout.
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { PaymentMode } from "../schema.ts";

export interface PayoutsInTransit {
  currency: string;
  /** True for the business's own payouts, false for its fieldworkers'. */
  own: boolean;
  count: number;
  amount: number;
}

export interface OverviewState {
  mode: PaymentMode | null;
  /** The payment settings' currency, else the first service's, else null (nothing set up yet). */
  currency: string | null;
  /** When Stripe last accepted the saved keys (they are checked before every save). */
  keysCheckedAt: Date | null;
  accountWebhookSecret: boolean;
  connectWebhookSecret: boolean;
  lastAccountEventAt: Date | null;
  lastConnectEventAt: Date | null;
  activeServices: number;
  customers: number;
  bookings: number;
  fieldworkers: number;
  /** Fieldworkers whose connected account is active with card payments and payouts enabled. */
  payableFieldworkers: number;
  /** Unresolved alerts not dismissed (what Payouts & alerts lists as open). */
  openAlerts: number;
  /** Disputes Stripe has not decided yet (a response is due, or it is under review). */
  openDisputes: number;
  /** Of those, the ones waiting for the business's evidence, and the soonest deadline among them. */
  disputesNeedingResponse: number;
  nextEvidenceDueBy: Date | null;
  /** Payouts Stripe has not paid yet (pending or in_transit), per currency and side. */
  payoutsInTransit: PayoutsInTransit[];
}

// Stripe's dispute statuses still open: waiting for evidence, or evidence in and the bank deciding.
const NEEDS_RESPONSE = sql`('needs_response', 'warning_needs_response')`;
const OPEN_DISPUTE = sql`('needs_response', 'warning_needs_response', 'under_review', 'warning_under_review')`;

interface StateRow {
  mode: PaymentMode | null;
  currency: string | null;
  keys_checked_at: Date | null;
  account_webhook_secret: boolean;
  connect_webhook_secret: boolean;
  last_account_event_at: Date | null;
  last_connect_event_at: Date | null;
  active_services: number;
  customers: number;
  bookings: number;
  fieldworkers: number;
  payable_fieldworkers: number;
  open_alerts: number;
  open_disputes: number;
  disputes_needing_response: number;
  next_evidence_due_by: Date | null;
  payouts_in_transit: PayoutsInTransit[];
}

/** One statement: the tenant row and a scalar subquery per fact. Undefined for an unknown tenant. */
export async function overviewState(db: Db, tenantId: string): Promise<OverviewState | undefined> {
  const { rows } = await sql<StateRow>`
    select
      ps.mode,
      coalesce(ps.currency,
        (select s.currency from services s where s.tenant_id = t.id order by s.created_at, s.id limit 1))
        as currency,
      ps.validated_at as keys_checked_at,
      coalesce(ps.webhook_secret_sealed is not null, false) as account_webhook_secret,
      coalesce(ps.connect_webhook_secret_sealed is not null, false) as connect_webhook_secret,
      (select max(e.received_at) from webhook_events e where e.tenant_id = t.id and e.endpoint = 'account')
        as last_account_event_at,
      (select max(e.received_at) from webhook_events e where e.tenant_id = t.id and e.endpoint = 'connect')
        as last_connect_event_at,
      (select count(*)::int from services s where s.tenant_id = t.id and s.active) as active_services,
      (select count(*)::int from users u where u.tenant_id = t.id and u.role = 'customer') as customers,
      (select count(*)::int from bookings b where b.tenant_id = t.id) as bookings,
      (select count(*)::int from users u where u.tenant_id = t.id and u.role = 'fieldworker') as fieldworkers,
      (select count(*)::int from fieldworker_accounts fa
        join users u on u.id = fa.user_id and u.tenant_id = fa.tenant_id and u.role = 'fieldworker'
        where fa.tenant_id = t.id and fa.status = 'active' and fa.charges_enabled and fa.payouts_enabled)
        as payable_fieldworkers,
      (select count(*)::int from alerts a
        where a.tenant_id = t.id and a.resolved_at is null and a.dismissed_at is null) as open_alerts,
      (select count(*)::int from disputes d where d.tenant_id = t.id and d.status in ${OPEN_DISPUTE}) as open_disputes,
      (select count(*)::int from disputes d where d.tenant_id = t.id and d.status in ${NEEDS_RESPONSE})
        as disputes_needing_response,
      (select min(d.evidence_due_by) from disputes d where d.tenant_id = t.id and d.status in ${NEEDS_RESPONSE})
        as next_evidence_due_by,
      (select coalesce(json_agg(json_build_object('currency', p.currency, 'own', p.own, 'count', p.count,
          'amount', p.amount) order by p.currency, p.own desc), '[]'::json)
        from (select currency, fieldworker_id is null as own, count(*)::int as count, sum(amount)::bigint as amount
          from payouts where tenant_id = t.id and status in ('pending', 'in_transit')
          group by 1, 2) p) as payouts_in_transit
    from tenants t
    left join payment_settings ps on ps.tenant_id = t.id
    where t.id = ${tenantId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    mode: row.mode,
    currency: row.currency,
    keysCheckedAt: row.keys_checked_at,
    accountWebhookSecret: row.account_webhook_secret,
    connectWebhookSecret: row.connect_webhook_secret,
    lastAccountEventAt: row.last_account_event_at,
    lastConnectEventAt: row.last_connect_event_at,
    activeServices: row.active_services,
    customers: row.customers,
    bookings: row.bookings,
    fieldworkers: row.fieldworkers,
    payableFieldworkers: row.payable_fieldworkers,
    openAlerts: row.open_alerts,
    openDisputes: row.open_disputes,
    disputesNeedingResponse: row.disputes_needing_response,
    nextEvidenceDueBy: row.next_evidence_due_by,
    // json_agg's numbers arrive as JS numbers already (sums of minor units stay below 2^53).
    payoutsInTransit: row.payouts_in_transit,
  };
}

export interface LedgerDay {
  /** The local date (YYYY-MM-DD) in the time zone asked for. */
  day: string;
  currency: string;
  /** True for the period asked about, false for the one before it. */
  current: boolean;
  charges: number;
  /** What the charges took (gross volume). */
  charged: number;
  /** What went back, as a positive amount. */
  refunded: number;
  /** Every line's amount: charged − refunded − what disputes withdrew + what they reinstated. */
  net: number;
  /** The business's share of Connect charges after their refunds: its application fees (dispute lines left out). */
  applicationFees: number;
  /** The fieldworkers' share of every line: after refunds, and after any dispute share taken back or sent again. */
  fieldworkers: number;
}

export interface LedgerPeriodInput {
  tenantId: string;
  /** Whole local days in the period, today included (1 for "today"). */
  days: number;
  /** An IANA time zone PostgreSQL knows; days start at local midnight there. */
  timeZone: string;
  now: Date;
}

/**
 * The ledger summed per local day and currency over the period (the last `days` local days up to `now`) and the
 * period just before it, cut at the same time of day (`now` minus `days` days), so both are the same length.
 */
export async function ledgerByDay(db: Db, input: LedgerPeriodInput): Promise<LedgerDay[]> {
  const { tenantId, days, timeZone, now } = input;
  const { rows } = await sql<LedgerDay>`
    with local_now as (select ${now}::timestamptz at time zone ${timeZone} as local_at),
    bounds as (
      select
        (local_at::date - (${days}::int - 1))::timestamp at time zone ${timeZone} as current_start,
        (local_at::date - (2 * ${days}::int - 1))::timestamp at time zone ${timeZone} as previous_start,
        (local_at - make_interval(days => ${days}::int)) at time zone ${timeZone} as previous_end
      from local_now
    )
    select
      to_char(l.occurred_at at time zone ${timeZone}, 'YYYY-MM-DD') as day,
      l.currency,
      l.occurred_at >= b.current_start as "current",
      count(*) filter (where l.kind = 'charge')::int as charges,
      coalesce(sum(l.amount) filter (where l.kind = 'charge'), 0)::bigint as charged,
      coalesce(-sum(l.amount) filter (where l.kind = 'refund'), 0)::bigint as refunded,
      coalesce(sum(l.amount), 0)::bigint as net,
      coalesce(sum(l.business_amount) filter (where l.charge_type <> 'direct' and l.kind in ('charge', 'refund')), 0)
        ::bigint as "applicationFees",
      coalesce(sum(l.fieldworker_amount), 0)::bigint as fieldworkers
    from ledger_lines l cross join bounds b
    where l.tenant_id = ${tenantId}
      and l.occurred_at >= b.previous_start
      and l.occurred_at <= ${now}::timestamptz
      and (l.occurred_at >= b.current_start or l.occurred_at < b.previous_end)
    group by 1, 2, 3
    order by 1, 2`.execute(db);
  return rows;
}
