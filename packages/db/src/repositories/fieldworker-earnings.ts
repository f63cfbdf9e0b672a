// What went through a fieldworker's connected account: payments for their bookings, the business's fees kept,
// transfers to them, their payouts, and totals per period. Every query is scoped by tenant and account.
import { sql } from "kysely";
import type { Db } from "../client.ts";

/** Payments for bookings this fieldworker did (any status), newest first, with the booking they were for. */
export async function listFieldworkerPayments(db: Db, tenantId: string, accountId: string, limit = 100) {
  return db
    .selectFrom("payments")
    .innerJoin("bookings", "bookings.id", "payments.booking_id")
    .innerJoin("services", "services.id", "bookings.service_id")
    .select([
      "payments.id",
      "payments.booking_id",
      "payments.status",
      "payments.amount",
      "payments.currency",
      "payments.charge_type",
      "payments.application_fee_amount",
      "payments.fieldworker_net_amount",
      "payments.amount_refunded",
      "payments.created_at",
      "services.name as service_name",
      "bookings.starts_at",
    ])
    .where("payments.tenant_id", "=", tenantId)
    .where("payments.fieldworker_account_id", "=", accountId)
    .where("payments.payment_intent_id", "is not", null)
    .orderBy("payments.created_at", "desc")
    .orderBy("payments.id")
    .limit(limit)
    .execute();
}

export async function listTransfersTo(db: Db, tenantId: string, accountId: string, limit = 100) {
  return db
    .selectFrom("transfers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("destination", "=", accountId)
    .orderBy("stripe_created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function listApplicationFeesFrom(db: Db, tenantId: string, accountId: string, limit = 100) {
  return db
    .selectFrom("application_fees")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("account", "=", accountId)
    .orderBy("stripe_created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function listAccountPayouts(db: Db, tenantId: string, accountId: string, limit = 100) {
  return db
    .selectFrom("payouts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("account_id", "=", accountId)
    .orderBy("stripe_created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export type EarningsPeriod = "week" | "month";

export interface PeriodTotals {
  periodStart: Date;
  currency: string;
  payments: number;
  gross: number;
  applicationFees: number;
  fieldworkerNet: number;
  refunded: number;
  /** What disputes took from the fieldworker (their share reversed, less what was sent again), positive. */
  disputed: number;
}

/**
 * The fieldworker's ledger lines (every charge kept and every refund, never a duplicate) summed per week or month
 * (UTC) and currency, oldest period first: what was charged, what each side kept after refunds, what went back.
 */
export async function earningsByPeriod(
  db: Db,
  input: { tenantId: string; accountId: string; period: EarningsPeriod; since: Date },
): Promise<PeriodTotals[]> {
  const start = sql<Date>`date_trunc(${input.period}, occurred_at at time zone 'UTC') at time zone 'UTC'`;
  const rows = await db
    .selectFrom("ledger_lines")
    .select([
      start.as("period_start"),
      "currency",
      sql<number>`count(*) filter (where kind = 'charge')::int`.as("payments"),
      sql<number>`coalesce(sum(amount) filter (where kind = 'charge'), 0)::bigint`.as("gross"),
      sql<number>`coalesce(sum(business_amount) filter (where kind in ('charge', 'refund')), 0)::bigint`.as(
        "fees",
      ),
      sql<number>`coalesce(sum(fieldworker_amount), 0)::bigint`.as("net"),
      sql<number>`coalesce(-sum(amount) filter (where kind = 'refund'), 0)::bigint`.as("refunded"),
      sql<number>`coalesce(-sum(fieldworker_amount) filter (where kind like 'dispute%'), 0)::bigint`.as(
        "disputed",
      ),
    ])
    .where("tenant_id", "=", input.tenantId)
    .where("fieldworker_account_id", "=", input.accountId)
    .where("occurred_at", ">=", input.since)
    // By position: the period is a bound parameter, and Postgres matches a grouped expression only textually.
    .groupBy([sql`1`, "currency"])
    .orderBy(sql`1`)
    .orderBy("currency")
    .execute();
  return rows.map((row) => ({
    periodStart: new Date(row.period_start),
    currency: row.currency,
    payments: row.payments,
    gross: row.gross,
    applicationFees: row.fees,
    fieldworkerNet: row.net,
    refunded: row.refunded,
    disputed: row.disputed,
  }));
}

/**
 * Open alerts about this fieldworker's account (a late or failed payout, from the payout checks), newest first.
 * `excludeKinds` leaves out the ones meant for the admin only.
 */
export async function openAccountAlerts(
  db: Db,
  input: { tenantId: string; fieldworkerId: string; accountId: string | null; excludeKinds?: string[] },
) {
  let query = db
    .selectFrom("alerts")
    .select(["id", "kind", "severity", "payout_id", "title", "explanation", "fix", "since"])
    .where("tenant_id", "=", input.tenantId)
    .where("resolved_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("fieldworker_id", "=", input.fieldworkerId),
        ...(input.accountId ? [eb("account_id", "=", input.accountId)] : []),
      ]),
    );
  if (input.excludeKinds?.length) query = query.where("kind", "not in", input.excludeKinds);
  return query.orderBy("since", "desc").orderBy("id").execute();
}
