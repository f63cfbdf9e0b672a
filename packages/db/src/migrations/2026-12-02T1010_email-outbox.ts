// One transactional outbox (DESIGN.md "Email and other side effects"): outbox_emails becomes `emails`, each row
// written in the transaction of the change that causes it and delivered by the worker's deliver_email task. A
// row holds what to render (template and props), for whom, its category (which admins may turn off), a dedupe
// key (one email per problem per business), and where its delivery stands with the mail server's last answer.
// The rows the old dev outbox holds were shown as sent: they stay, delivered through the outbox, as text.
// Admins' opt-outs are rows of email_opt_outs (user, category); mail_transport says whether mail leaves the machine.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox_emails rename to emails`.execute(db);
  await sql`
    alter table emails
      add column template text not null default 'legacy',
      add column props jsonb not null default '{}'::jsonb,
      add column user_id uuid references users (id) on delete set null,
      add column category text not null default 'transactional'
        check (category in ('sign_in', 'transactional', 'fieldworker', 'payout_failures', 'health', 'disputes')),
      add column dedupe_key text,
      add column status text not null default 'delivered'
        check (status in ('queued', 'sending', 'delivered', 'failed', 'suppressed')),
      add column attempts integer not null default 0,
      add column next_attempt_at timestamptz not null default now(),
      add column last_answer text,
      add column failure text check (failure in ('recipient_refused', 'unreachable', 'refused', 'unrenderable')),
      add column transport text check (transport in ('smtp', 'outbox')),
      add column html text,
      add column delivered_at timestamptz,
      add column updated_at timestamptz not null default now(),
      alter column subject drop not null,
      alter column body drop not null`.execute(db);
  // Rows from before: already shown in the dev outbox, so delivered there.
  await sql`update emails set transport = 'outbox', delivered_at = created_at`.execute(db);
  await sql`
    alter table emails
      alter column template drop default,
      alter column status set default 'queued',
      alter column category drop default`.execute(db);
  await sql`alter index if exists outbox_emails_pkey rename to emails_pkey`.execute(db);
  await sql`create unique index emails_dedupe on emails (tenant_id, dedupe_key)`.execute(db);
  await sql`create index emails_due on emails (next_attempt_at) where status in ('queued', 'sending')`.execute(
    db,
  );
  await sql`create index emails_tenant_created on emails (tenant_id, created_at desc)`.execute(db);

  await sql`
    create table email_opt_outs (
      tenant_id uuid not null references tenants (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      category text not null check (category in ('payout_failures', 'health', 'disputes')),
      created_at timestamptz not null default now(),
      primary key (user_id, category)
    )`.execute(db);
  // The transport the workers deliver through, as the last one to start said: the api shows the dev outbox by it.
  await sql`
    create table mail_transport (
      id boolean primary key default true check (id),
      kind text not null check (kind in ('smtp', 'outbox')),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table mail_transport`.execute(db);
  await sql`drop table email_opt_outs`.execute(db);
  await sql`drop index emails_dedupe, emails_due, emails_tenant_created`.execute(db);
  await sql`delete from emails where subject is null or body is null`.execute(db);
  await sql`
    alter table emails
      drop column template, drop column props, drop column user_id, drop column category, drop column dedupe_key,
      drop column status, drop column attempts, drop column next_attempt_at, drop column last_answer, drop column failure,
      drop column transport, drop column html, drop column delivered_at, drop column updated_at,
      alter column subject set not null, alter column body set not null`.execute(db);
  await sql`alter table emails rename to outbox_emails`.execute(db);
}
