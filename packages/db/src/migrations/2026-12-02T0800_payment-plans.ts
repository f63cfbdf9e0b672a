// A job's money (DESIGN.md): a payment plan per service with a business default, the plan a booking was made
// under, the job marked done with its final amount, the card saved for after-job charges, and each charge's
// purpose. The ledger is the view `ledger_lines` over what already records each money movement: every succeeded
// charge (payments) and every succeeded refund (refunds), each with who received or gave back what. The split
// columns are held to their sum by check constraints, so no line can create or lose a cent.
import { type Kysely, sql } from "kysely";

const PLANS = sql`('full', 'deposit', 'card_on_file', 'authorize')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table booking_preferences
      add column payment_plan text not null default 'full' check (payment_plan in ${PLANS}),
      add column deposit_bps integer check (deposit_bps between 1 and 9999),
      add column deposit_fixed bigint check (deposit_fixed > 0)`.execute(db);
  await sql`
    alter table services
      add column payment_plan text check (payment_plan in ${PLANS}),
      add column deposit_bps integer check (deposit_bps between 1 and 9999),
      add column deposit_fixed bigint check (deposit_fixed > 0)`.execute(db);

  await sql`alter table bookings drop constraint bookings_status_check`.execute(db);
  await sql`
    alter table bookings
      add constraint bookings_status_check check (status in ('pending_payment', 'requires_action', 'paid',
        'payment_failed', 'partially_refunded', 'refunded', 'canceled', 'disputed', 'deposit_paid', 'card_saved',
        'authorized', 'balance_due')),
      add column payment_plan text not null default 'full' check (payment_plan in ${PLANS}),
      add column deposit_amount bigint check (deposit_amount > 0),
      add column final_amount bigint check (final_amount >= 0),
      add column adjustment_reason text,
      add column done_at timestamptz,
      add column done_by uuid references users (id) on delete set null,
      add column agreed_fee_bps integer,
      add column agreed_fee_fixed bigint,
      add column setup_intent_id text,
      add column card_customer_id text,
      add column card_payment_method_id text,
      add column card_on_account text,
      add column authorization_expires_at timestamptz,
      add column authorization_lapsed_at timestamptz`.execute(db);

  await sql`
    alter table payments
      add column purpose text not null default 'full'
        check (purpose in ('full', 'deposit', 'authorization', 'balance', 'extra')),
      add column capture_method text not null default 'automatic' check (capture_method in ('automatic', 'manual')),
      add column off_session boolean not null default false,
      add column amount_received bigint,
      add column capture_before timestamptz,
      add column customer_id text,
      add column payment_method_id text,
      add constraint payments_split_check check (
        application_fee_amount is null or fieldworker_net_amount is null
        or application_fee_amount + fieldworker_net_amount = coalesce(amount_received, amount))`.execute(db);
  await sql`create index payments_after_job_idx on payments (tenant_id, booking_id, purpose)`.execute(db);

  // What each side gives back for a refund; together always the refund. Refunds made before this migration get it
  // as packages/payments' refundShares would say, each rounded on its own (the running-total rounding needs the
  // order of a charge's refunds; a cent either way on old partial refunds).
  await sql`alter table refunds add column business_amount bigint, add column fieldworker_amount bigint`.execute(
    db,
  );
  await sql`
    update refunds r set
      fieldworker_amount = case p.charge_type
        when 'direct' then 0
        when 'destination' then
          case when not r.reverse_transfer then 0
            when r.refund_application_fee
            then r.amount - round(r.amount::numeric * coalesce(p.application_fee_amount, 0) / p.amount)::bigint
            else r.amount end
        else
          case when r.refund_application_fee
            then r.amount - round(r.amount::numeric * coalesce(p.application_fee_amount, 0) / p.amount)::bigint
            else r.amount end
      end
    from payments p where p.id = r.payment_id`.execute(db);
  await sql`update refunds set business_amount = amount - fieldworker_amount`.execute(db);
  await sql`
    alter table refunds
      alter column business_amount set not null,
      alter column fieldworker_amount set not null,
      add constraint refunds_split_check check (business_amount + fieldworker_amount = amount)`.execute(db);

  await sql`
    create view ledger_lines as
      select p.tenant_id, p.booking_id, p.id as payment_id, null::uuid as refund_id, 'charge'::text as kind,
        p.purpose, coalesce(p.amount_received, p.amount) as amount,
        case when p.charge_type = 'direct' then coalesce(p.amount_received, p.amount)
          else coalesce(p.application_fee_amount, 0) end as business_amount,
        case when p.charge_type = 'direct' then 0
          else coalesce(p.amount_received, p.amount) - coalesce(p.application_fee_amount, 0) end
          as fieldworker_amount,
        p.currency, p.charge_type, p.fieldworker_account_id, p.payment_intent_id as stripe_id,
        -- When Stripe confirmed it, never before the attempt was made (event times are whole seconds).
        greatest(p.created_at, coalesce(p.stripe_event_at, p.created_at)) as occurred_at
      from payments p
      where p.status = 'succeeded' and p.duplicate_at is null
      union all
      select r.tenant_id, p.booking_id, p.id, r.id, 'refund', p.purpose, -r.amount, -r.business_amount,
        -r.fieldworker_amount, r.currency, p.charge_type, p.fieldworker_account_id, r.stripe_refund_id,
        r.created_at
      from refunds r join payments p on p.id = r.payment_id and p.tenant_id = r.tenant_id
      where r.status = 'succeeded' and p.duplicate_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view ledger_lines`.execute(db);
  await sql`alter table refunds drop column business_amount, drop column fieldworker_amount`.execute(db);
  await sql`drop index payments_after_job_idx`.execute(db);
  await sql`
    alter table payments drop constraint payments_split_check, drop column purpose, drop column capture_method,
      drop column off_session, drop column amount_received, drop column capture_before, drop column customer_id,
      drop column payment_method_id`.execute(db);
  await sql`
    alter table bookings drop column payment_plan, drop column deposit_amount, drop column final_amount,
      drop column adjustment_reason, drop column done_at, drop column done_by, drop column agreed_fee_bps,
      drop column agreed_fee_fixed, drop column setup_intent_id, drop column card_customer_id,
      drop column card_payment_method_id, drop column card_on_account, drop column authorization_expires_at,
      drop column authorization_lapsed_at, drop constraint bookings_status_check`.execute(db);
  await sql`
    alter table bookings add constraint bookings_status_check check (status in ('pending_payment',
      'requires_action', 'paid', 'payment_failed', 'partially_refunded', 'refunded', 'canceled', 'disputed'))`.execute(
    db,
  );
  await sql`alter table services drop column payment_plan, drop column deposit_bps, drop column deposit_fixed`.execute(
    db,
  );
  await sql`
    alter table booking_preferences drop column payment_plan, drop column deposit_bps,
      drop column deposit_fixed`.execute(db);
}
