// The outbox's tables (migration 2026-12-02T1010): every email as a row, delivered by the worker.
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Changing<T> = ColumnType<T, T | undefined, T>;

/** Every email fieldpay sends; each is one React Email template in packages/ui/src/emails/. */
export type EmailTemplate =
  // sign-in links (never suppressed, single-use)
  | "invitation"
  | "password_reset"
  // customers (transactional, never suppressed)
  | "receipt"
  | "refund_made"
  | "payment_needs_attention"
  // fieldworkers
  | "payout_sent"
  | "payout_failed"
  | "payout_late"
  | "onboarding_incomplete"
  // admins (each category can be turned off per admin)
  | "dispute_opened"
  | "payout_failures"
  | "health_failing";

/** Admins may turn these off for themselves; every other category always goes out. */
export type OptionalEmailCategory = "payout_failures" | "health" | "disputes";
export type EmailCategory = "sign_in" | "transactional" | "fieldworker" | OptionalEmailCategory;

/** An address the server refuses, a server out of reach, the server refusing fieldpay, or props unfit to render. */
export type EmailFailure = "recipient_refused" | "unreachable" | "refused" | "unrenderable";

export type EmailStatus = "queued" | "sending" | "delivered" | "failed" | "suppressed";

export interface EmailsTable {
  id: Generated<string>;
  tenant_id: string;
  /** A template name, or "legacy" for the text-only rows of the old dev outbox. */
  template: EmailTemplate | "legacy";
  props: ColumnType<Record<string, unknown>, string, string>;
  to_address: string;
  user_id: string | null;
  category: EmailCategory;
  /** One email per key per business: the same problem found again writes nothing. */
  dedupe_key: string | null;
  status: Changing<EmailStatus>;
  attempts: Changing<number>;
  next_attempt_at: Changing<Date>;
  /** The mail server's last answer (code and text, never the connection URL or a password). */
  last_answer: string | null;
  /** Why the last attempt failed, in the terms the admin's words are chosen by. */
  failure: EmailFailure | null;
  transport: "smtp" | "outbox" | null;
  /** What was rendered and handed over (set at delivery). */
  subject: string | null;
  body: string | null;
  html: string | null;
  delivered_at: Date | null;
  created_at: CreatedAt;
  updated_at: Changing<Date>;
}

export interface EmailOptOutsTable {
  tenant_id: string;
  user_id: string;
  category: OptionalEmailCategory;
  created_at: CreatedAt;
}

export interface MailTransportTable {
  id: Generated<boolean>;
  kind: "smtp" | "outbox";
  updated_at: Changing<Date>;
}

export interface EmailTables {
  emails: EmailsTable;
  email_opt_outs: EmailOptOutsTable;
  mail_transport: MailTransportTable;
}
