// Everything paying a booking reads, in one round trip: the booking, its service's name, the business's payment
// settings, the customer's Stripe customer and the booking's newest payment attempt. Paying is on the customer's
// critical path, and these were five sequential queries. Scoped by tenant_id throughout.
import { sql } from "kysely";
import { type Db, runPrepared } from "../client.ts";
import { type AllColumns, columnList } from "../columns.ts";
import type { PaymentSettingsRow } from "../schema.ts";
import type { Booking } from "./bookings.ts";
import type { PaymentRow } from "./payments.ts";

/** The settings a payment needs: the strategy's inputs, the commission and the key Stripe.js gets. */
export type PaySettings = Pick<
  PaymentSettingsRow,
  | "tenant_id"
  | "mode"
  | "publishable_key"
  | "secret_key_sealed"
  | "connect_account_type"
  | "commission_bps"
  | "commission_fixed"
  | "currency"
>;

/** What deciding the next attempt needs from the newest one. */
export type LatestAttempt = Pick<
  PaymentRow,
  | "attempt"
  | "status"
  | "failure_code"
  | "payment_intent_id"
  | "fieldworker_account_id"
  | "application_fee_amount"
  | "amount"
  | "created_at"
>;

export interface BookingToPay {
  booking: Booking;
  serviceName: string | null;
  /** Null when the business has not set up payments. */
  settings: PaySettings | null;
  /** The paying user's Stripe customer on the business's account, once made. */
  stripeCustomerId: string | null;
  latest: LatestAttempt | null;
}

/** One row of the statement below: the booking's own columns, then the others under prefixes. */
type Row = Booking & {
  service_name: string | null;
  ps_mode: PaySettings["mode"] | null;
  ps_publishable_key: string | null;
  ps_secret_key_sealed: Uint8Array | null;
  ps_connect_account_type: PaySettings["connect_account_type"] | null;
  ps_commission_bps: number | null;
  ps_commission_fixed: number | null;
  ps_currency: string | null;
  stripe_customer_id: string | null;
  lp_attempt: number | null;
  lp_status: string | null;
  lp_failure_code: string | null;
  lp_payment_intent_id: string | null;
  lp_fieldworker_account_id: string | null;
  lp_application_fee_amount: number | null;
  lp_amount: number | null;
  lp_created_at: Date | null;
};

const BOOKING_COLUMNS: AllColumns<Booking> = {
  id: true,
  tenant_id: true,
  customer_id: true,
  service_id: true,
  fieldworker_id: true,
  starts_at: true,
  amount: true,
  currency: true,
  commission_bps: true,
  commission_fixed: true,
  status: true,
  payment_plan: true,
  deposit_amount: true,
  final_amount: true,
  adjustment_reason: true,
  done_at: true,
  done_by: true,
  agreed_fee_bps: true,
  agreed_fee_fixed: true,
  setup_intent_id: true,
  card_customer_id: true,
  card_payment_method_id: true,
  card_on_account: true,
  authorization_expires_at: true,
  authorization_lapsed_at: true,
  created_at: true,
  updated_at: true,
};

// A constant, prepared statement rather than a query built per call: building this join took longer than running
// it, and planning it four times as long. The tests beside this file check every column lands where typed.
function query(db: Db, tenantId: string, bookingId: string, userId: string) {
  return runPrepared(
    db,
    sql<Row>`
    select ${columnList("b", BOOKING_COLUMNS)}, s.name as service_name,
      ps.mode as ps_mode, ps.publishable_key as ps_publishable_key, ps.secret_key_sealed as ps_secret_key_sealed,
      ps.connect_account_type as ps_connect_account_type, ps.commission_bps as ps_commission_bps,
      ps.commission_fixed as ps_commission_fixed, ps.currency as ps_currency,
      sc.stripe_customer_id,
      lp.attempt as lp_attempt, lp.status as lp_status, lp.failure_code as lp_failure_code,
      lp.payment_intent_id as lp_payment_intent_id, lp.fieldworker_account_id as lp_fieldworker_account_id,
      lp.application_fee_amount as lp_application_fee_amount, lp.amount as lp_amount,
      lp.created_at as lp_created_at
    from bookings b
    left join services s on s.tenant_id = b.tenant_id and s.id = b.service_id
    left join payment_settings ps on ps.tenant_id = b.tenant_id
    left join stripe_customers sc on sc.tenant_id = b.tenant_id and sc.user_id = ${userId}
    left join lateral (
      select p.attempt, p.status, p.failure_code, p.payment_intent_id, p.fieldworker_account_id,
        p.application_fee_amount, p.amount, p.created_at
      from payments p where p.tenant_id = b.tenant_id and p.booking_id = b.id
      order by p.attempt desc limit 1
    ) lp on true
    where b.tenant_id = ${tenantId} and b.id = ${bookingId}`,
  );
}

function settingsOf(row: Row): PaySettings | null {
  const { ps_mode: mode, ps_publishable_key: publishable, ps_secret_key_sealed: sealed } = row;
  const { ps_connect_account_type: accountType, ps_currency: currency } = row;
  const { ps_commission_bps: bps, ps_commission_fixed: fixed } = row;
  // Every one of these columns is NOT NULL, so they are all null exactly when there is no settings row.
  if (mode === null || publishable === null || sealed === null || accountType === null) return null;
  if (currency === null || bps === null || fixed === null) return null;
  return {
    tenant_id: row.tenant_id,
    mode,
    publishable_key: publishable,
    secret_key_sealed: sealed,
    connect_account_type: accountType,
    commission_bps: bps,
    commission_fixed: fixed,
    currency,
  };
}

function latestOf(row: Row): LatestAttempt | null {
  const { lp_attempt: attempt, lp_status: status, lp_amount: amount, lp_created_at: createdAt } = row;
  if (attempt === null || status === null || amount === null || createdAt === null) return null;
  return {
    attempt,
    status,
    amount,
    created_at: createdAt,
    failure_code: row.lp_failure_code,
    payment_intent_id: row.lp_payment_intent_id,
    fieldworker_account_id: row.lp_fieldworker_account_id,
    application_fee_amount: row.lp_application_fee_amount,
  };
}

/** Undefined when the business has no such booking; `userId` is the paying user (their Stripe customer). */
export async function findBookingToPay(
  db: Db,
  tenantId: string,
  bookingId: string,
  userId: string,
): Promise<BookingToPay | undefined> {
  const [row] = (await query(db, tenantId, bookingId, userId)).rows;
  if (!row) return undefined;
  const {
    service_name,
    stripe_customer_id,
    ps_mode: _mode,
    ps_publishable_key: _publishable,
    ps_secret_key_sealed: _sealed,
    ps_connect_account_type: _accountType,
    ps_commission_bps: _bps,
    ps_commission_fixed: _fixed,
    ps_currency: _currency,
    lp_attempt: _attempt,
    lp_status: _status,
    lp_failure_code: _failure,
    lp_payment_intent_id: _intent,
    lp_fieldworker_account_id: _account,
    lp_application_fee_amount: _fee,
    lp_amount: _amount,
    lp_created_at: _created,
    ...booking
  } = row;
  return {
    booking,
    serviceName: service_name,
    settings: settingsOf(row),
    stripeCustomerId: stripe_customer_id,
    latest: latestOf(row),
  };
}
