// Disputes (charge.dispute.* events): one row per Stripe dispute, kept in step with Stripe's object (newest event
// wins, amounts withdrawn and reinstated only grow), the business's choice of who carries a lost dispute on
// destination charges, and the ledger's dispute lines: funds withdrawn (−) and reinstated (+), and, when the
// fieldworker carries it, their share taken back from them (business +X, fieldworker −X) and sent again if won.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table payment_settings
      add column dispute_liability text not null default 'business'
        check (dispute_liability in ('business', 'fieldworker'))`.execute(db);
  await sql`
    create table disputes (
      id text not null,
      tenant_id uuid not null references tenants (id) on delete cascade,
      booking_id uuid not null references bookings (id) on delete cascade,
      payment_id uuid not null references payments (id) on delete cascade,
      charge_id text not null,
      reason text not null,
      amount bigint not null check (amount >= 0),
      currency text not null,
      status text not null,
      evidence_due_by timestamptz,
      stripe_fee bigint not null default 0,
      funds_withdrawn bigint not null default 0 check (funds_withdrawn >= 0),
      funds_withdrawn_at timestamptz,
      funds_reinstated bigint not null default 0 check (funds_reinstated >= 0),
      funds_reinstated_at timestamptz,
      evidence_saved_at timestamptz,
      evidence_submitted_at timestamptz,
      on_account text,
      booking_status_before text not null,
      liability text not null check (liability in ('business', 'fieldworker')),
      share_reversed bigint check (share_reversed > 0),
      share_reversal_id text,
      share_reversed_at timestamptz,
      share_resent_transfer_id text,
      share_resent_at timestamptz,
      stripe_created_at timestamptz not null,
      stripe_event_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index disputes_booking_idx on disputes (tenant_id, booking_id)`.execute(db);
  await sql`create index disputes_open_idx on disputes (evidence_due_by)
    where status in ('needs_response', 'warning_needs_response')`.execute(db);
  await replaceLedger(db, true);
}

async function replaceLedger(db: Kysely<any>, withDisputes: boolean): Promise<void> {
  // Every column and line of 2026-12-02T0800, unchanged; the dispute lines are appended after them.
  const base = sql`
      select p.tenant_id, p.booking_id, p.id as payment_id, null::uuid as refund_id, 'charge'::text as kind,
        p.purpose, coalesce(p.amount_received, p.amount) as amount,
        case when p.charge_type = 'direct' then coalesce(p.amount_received, p.amount)
          else coalesce(p.application_fee_amount, 0) end as business_amount,
        case when p.charge_type = 'direct' then 0
          else coalesce(p.amount_received, p.amount) - coalesce(p.application_fee_amount, 0) end
          as fieldworker_amount,
        p.currency, p.charge_type, p.fieldworker_account_id, p.payment_intent_id as stripe_id,
        greatest(p.created_at, coalesce(p.stripe_event_at, p.created_at)) as occurred_at
      from payments p
      where p.status = 'succeeded' and p.duplicate_at is null
      union all
      select r.tenant_id, p.booking_id, p.id, r.id, 'refund', p.purpose, -r.amount, -r.business_amount,
        -r.fieldworker_amount, r.currency, p.charge_type, p.fieldworker_account_id, r.stripe_refund_id,
        r.created_at
      from refunds r join payments p on p.id = r.payment_id and p.tenant_id = r.tenant_id
      where r.status = 'succeeded' and p.duplicate_at is null`;
  // Funds Stripe took for the dispute come out of the account the charge landed in: the business's (Stripe
  // mode, destination charges) or, for a Standard account's direct charge, the fieldworker's.
  const disputes = sql`
      union all
      select d.tenant_id, d.booking_id, d.payment_id, null::uuid, line.kind, p.purpose, line.amount,
        case when p.charge_type = 'direct_on_connected_account' then line.amount - line.moved else line.moved end,
        case when p.charge_type = 'direct_on_connected_account' then line.moved else line.amount - line.moved end,
        d.currency, p.charge_type, p.fieldworker_account_id, line.stripe_id, line.occurred_at
      from disputes d
      join payments p on p.id = d.payment_id and p.tenant_id = d.tenant_id
      cross join lateral (values
        ('dispute_withdrawn', -d.funds_withdrawn, -d.funds_withdrawn, d.id, d.funds_withdrawn_at),
        ('dispute_reinstated', d.funds_reinstated, d.funds_reinstated, d.id, d.funds_reinstated_at),
        ('dispute_share_reversed', 0::bigint, coalesce(d.share_reversed, 0), d.share_reversal_id,
          d.share_reversed_at),
        ('dispute_share_resent', 0::bigint, -coalesce(d.share_reversed, 0), d.share_resent_transfer_id,
          d.share_resent_at)
      ) as line (kind, amount, moved, stripe_id, occurred_at)
      where line.occurred_at is not null and (line.amount <> 0 or line.moved <> 0)`;
  // "moved" is the business's side of the line; the fieldworker's is the rest (amount − moved).
  await sql`create or replace view ledger_lines as ${base} ${withDisputes ? disputes : sql``}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The dispute lines go with the table they read; the view goes back to its 2026-12-02T0800 lines.
  await replaceLedger(db, false);
  await sql`drop table disputes`.execute(db);
  await sql`alter table payment_settings drop column dispute_liability`.execute(db);
}
