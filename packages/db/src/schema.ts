import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { DisputeLiability, DisputeTables } from "./schema-disputes.ts";
import type { EmailTables } from "./schema-emails.ts";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Role = "admin" | "fieldworker" | "customer";

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  role: Role;
  /** Always lower case (a check constraint holds it). */
  email: string;
  name: string;
  password_hash: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** The public half of the token; the secret half is stored only as its SHA-256. */
  id: string;
  secret_hash: Uint8Array;
  user_id: string;
  tenant_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  /** SHA-256 of the single-use token in the emailed link; the token itself is never stored. */
  token_hash: Uint8Array;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface AuthAttemptsTable {
  id: Generated<number>;
  scope: "account" | "address";
  key: string;
  created_at: CreatedAt;
}

export type PaymentMode = "direct" | "connect";
// These three spell out packages/payments' lists (db imports nothing of payments);
// apps/api/src/business-stripe/stored-kinds.test.ts fails the type-check the moment they differ.
export type ConnectAccountType = "standard" | "express" | "custom";
export type KeyMode = "test" | "live";

export interface PaymentSettingsTable {
  tenant_id: string;
  mode: PaymentMode;
  publishable_key: string;
  secret_key_sealed: Uint8Array;
  secret_key_hint: string;
  secret_key_kind: "secret" | "restricted";
  key_mode: KeyMode;
  stripe_account_id: string;
  stripe_account_country: string | null;
  webhook_secret_sealed: Uint8Array | null;
  webhook_secret_previous_sealed: Uint8Array | null;
  webhook_secret_hint: string | null;
  connect_webhook_secret_sealed: Uint8Array | null;
  connect_webhook_secret_previous_sealed: Uint8Array | null;
  connect_webhook_secret_hint: string | null;
  connect_account_type: ConnectAccountType;
  commission_bps: number;
  /** Minor units of `currency`. */
  commission_fixed: number;
  currency: string;
  validated_at: Timestamp;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Who carries a lost dispute on destination charges (since 2026-12-02T1000). */
  dispute_liability: ColumnType<DisputeLiability, DisputeLiability | undefined, DisputeLiability>;
}

export interface Database extends PaymentsDomainTables, EmailTables, DisputeTables {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_attempts: AuthAttemptsTable;
  password_resets: PasswordResetsTable;
  payment_settings: PaymentSettingsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type PaymentSettingsRow = Selectable<PaymentSettingsTable>;
export type NewPaymentSettings = Insertable<PaymentSettingsTable>;

// ---- Payments domain (migration 2026-11-26T2340). Money columns are integer minor units of `currency`. ----

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type FieldworkerAccountStatus =
  | "not_connected"
  | "onboarding_incomplete"
  | "pending_verification"
  | "restricted"
  | "active"
  | "deauthorized";

export interface FieldworkerAccountsTable {
  user_id: string;
  tenant_id: string;
  stripe_account_id: string | null;
  account_type: ConnectAccountType | null;
  status: ColumnType<
    FieldworkerAccountStatus,
    FieldworkerAccountStatus | undefined,
    FieldworkerAccountStatus
  >;
  charges_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  payouts_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  details_submitted: ColumnType<boolean, boolean | undefined, boolean>;
  /** Stripe's `requirements` object as last seen. */
  requirements: Json<Record<string, unknown>>;
  /** Capability name -> status ("active", "pending", "inactive"). */
  capabilities: Json<Record<string, string>>;
  /** Per-fieldworker commission override; null means the business default. */
  commission_bps: number | null;
  commission_fixed: number | null;
  /** Bumped for every fresh onboarding link (links are single-use; the attempt keys the idempotent POST). */
  link_attempt: ColumnType<number, number | undefined, number>;
  /** `created` of the newest Stripe event applied to this row. */
  stripe_event_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  name: string;
  /** SHA-256 of the single-use token in the link; the token itself is never stored. */
  token_hash: Uint8Array;
  expires_at: Timestamp;
  accepted_at: Date | null;
  revoked_at: Date | null;
  user_id: string | null;
  invited_by: string | null;
  created_at: CreatedAt;
}

export interface ServicesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  duration_minutes: number;
  price_amount: number;
  currency: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** How customers pay for it; null follows the business default (booking_preferences). Since 2026-12-02T0800. */
  payment_plan: ColumnType<PaymentPlan | null, PaymentPlan | null | undefined, PaymentPlan | null>;
  /** The deposit of a "deposit" plan: a percentage in basis points, or a fixed amount in minor units. */
  deposit_bps: ColumnType<number | null, number | null | undefined, number | null>;
  deposit_fixed: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface StripeCustomersTable {
  user_id: string;
  tenant_id: string;
  stripe_customer_id: string;
  created_at: CreatedAt;
  /** Bumped for every save-card form opened: the SetupIntent's idempotency key (migration 2026-11-27T0015). */
  setup_attempt: ColumnType<number, number | undefined, number>;
}

/** What a business allows on its booking page (migration 2026-11-27T0015). */
export interface BookingPreferencesTable {
  tenant_id: string;
  /** Customers pick their fieldworker (or "any available"); otherwise the first active one is assigned. */
  customers_choose_fieldworker: ColumnType<boolean, boolean | undefined, boolean>;
  /** The business's default payment plan, for services that do not choose their own (since 2026-12-02T0800). */
  payment_plan: ColumnType<PaymentPlan, PaymentPlan | undefined, PaymentPlan>;
  deposit_bps: ColumnType<number | null, number | null | undefined, number | null>;
  deposit_fixed: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: UpdatedAt;
}

/** Held to packages/payments' PAYMENT_PLANS like the types above (stored-kinds.test.ts). */
export type PaymentPlan = "full" | "deposit" | "card_on_file" | "authorize";
/** Which of a booking's charges a payment is (held to packages/payments' CHARGE_PURPOSES). */
export type ChargePurpose = "full" | "deposit" | "authorization" | "balance" | "extra";

export type BookingStatus =
  | "pending_payment"
  | "requires_action"
  | "paid"
  | "payment_failed"
  | "partially_refunded"
  | "refunded"
  | "canceled"
  | "disputed"
  // A job's money (since 2026-12-02T0800): part paid or the card kept at booking, the rest after the job.
  | "deposit_paid"
  | "card_saved"
  | "authorized"
  /** The after-job charge needs the customer (their bank asked to confirm it, or the card was declined). */
  | "balance_due";

export interface BookingsTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  service_id: string;
  fieldworker_id: string | null;
  starts_at: Timestamp;
  amount: number;
  currency: string;
  /** Per-booking commission override; null falls back to the fieldworker's, then the business default. */
  commission_bps: number | null;
  commission_fixed: number | null;
  status: ColumnType<BookingStatus, BookingStatus | undefined, BookingStatus>;
  /** The plan it was booked under (the service's, or the business default, at booking time). */
  payment_plan: ColumnType<PaymentPlan, PaymentPlan | undefined, PaymentPlan>;
  /** A "deposit" plan's deposit, computed at booking. */
  deposit_amount: ColumnType<number | null, number | null | undefined, number | null>;
  /** What the job finally costs, set when it is marked done (the price, or adjusted with a reason). */
  final_amount: ColumnType<number | null, number | null | undefined, number | null>;
  adjustment_reason: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  done_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The commission in force when the customer committed (first charge or saved card); later charges keep it. */
  agreed_fee_bps: ColumnType<number | null, number | null | undefined, number | null>;
  agreed_fee_fixed: ColumnType<number | null, number | null | undefined, number | null>;
  /** The card kept for after-job charges: its SetupIntent, customer and payment method, on which account. */
  setup_intent_id: ColumnType<string | null, string | null | undefined, string | null>;
  card_customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  card_payment_method_id: ColumnType<string | null, string | null | undefined, string | null>;
  card_on_account: ColumnType<string | null, string | null | undefined, string | null>;
  /** An "authorize" plan's hold: when Stripe releases it, and when it lapsed (then the saved card is charged). */
  authorization_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  authorization_lapsed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Held to packages/payments' CHARGE_TYPES like the types above. */
export type ChargeType = "direct" | "destination" | "direct_on_connected_account";

export interface PaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  booking_id: string;
  attempt: number;
  payment_intent_id: string | null;
  /** Stripe's PaymentIntent status. */
  status: string;
  amount: number;
  currency: string;
  charge_type: ChargeType;
  /** The connected account the charge lives on (Standard direct charges), for Stripe.js and refunds. */
  on_account: string | null;
  fieldworker_account_id: string | null;
  application_fee_amount: number | null;
  fieldworker_net_amount: number | null;
  amount_refunded: ColumnType<number, number | undefined, number>;
  failure_code: string | null;
  failure_message: string | null;
  stripe_event_at: Date | null;
  /** Set when a newer attempt replaced this one (cancelled at Stripe first): a success on it is a duplicate. */
  superseded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Set when it succeeded although superseded, or beside another success: refunded, never the booking's. */
  duplicate_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Which of the booking's charges this is (since 2026-12-02T0800). */
  purpose: ColumnType<ChargePurpose, ChargePurpose | undefined, ChargePurpose>;
  capture_method: ColumnType<
    "automatic" | "manual",
    "automatic" | "manual" | undefined,
    "automatic" | "manual"
  >;
  /** Charged by the worker without the customer present. */
  off_session: ColumnType<boolean, boolean | undefined, boolean>;
  /** What a manual-capture charge actually took (less than `amount` when captured for less); else null. */
  amount_received: ColumnType<number | null, number | null | undefined, number | null>;
  capture_before: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The Stripe customer the PaymentIntent carries, on whichever account it lives. */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  payment_method_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The card as Stripe reports it on the charge ("visa", "4242"), for the receipt (since 2026-12-02T1400). */
  card_brand: ColumnType<string | null, string | null | undefined, string | null>;
  card_last4: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RefundsTable {
  id: Generated<string>;
  tenant_id: string;
  payment_id: string;
  stripe_refund_id: string | null;
  amount: number;
  currency: string;
  refund_application_fee: ColumnType<boolean, boolean | undefined, boolean>;
  reverse_transfer: ColumnType<boolean, boolean | undefined, boolean>;
  status: string;
  created_by: string | null;
  /** What the business and the fieldworker each give back; together always `amount` (since 2026-12-02T0800). */
  business_amount: number;
  fieldworker_amount: number;
  /** Why, as sent to Stripe (since 2026-12-02T1500); null when none was given. */
  reason: RefundReason | null;
  created_at: CreatedAt;
}

/** Stripe's refund reasons. */
export type RefundReason = "requested_by_customer" | "duplicate" | "fraudulent";

/**
 * What a ledger line records: a charge (+), a refund (−), and for a dispute (since 2026-12-02T1000) the funds Stripe
 * withdrew (−) or reinstated (+), and the fieldworker's share taken back (business +, fieldworker −) or sent again.
 */
export type LedgerKind =
  | "charge"
  | "refund"
  | "dispute_withdrawn"
  | "dispute_reinstated"
  | "dispute_share_reversed"
  | "dispute_share_resent";

/** One line of a booking's ledger (the view ledger_lines). */
export interface LedgerLinesView {
  tenant_id: string;
  booking_id: string;
  payment_id: string;
  refund_id: string | null;
  kind: LedgerKind;
  purpose: ChargePurpose;
  amount: number;
  business_amount: number;
  fieldworker_amount: number;
  currency: string;
  charge_type: ChargeType;
  fieldworker_account_id: string | null;
  stripe_id: string | null;
  occurred_at: Date;
}

export interface WebhookEventsTable {
  /** Stripe's event id: stored once per business (primary key tenant_id + id since 2026-11-27T0048), the dedupe. */
  id: string;
  tenant_id: string;
  endpoint: "account" | "connect";
  type: string;
  account: string | null;
  livemode: boolean;
  stripe_created_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  received_at: CreatedAt;
  processed_at: Date | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** When a worker may claim it: arrival, or after a failure the end of its backoff (since 2026-11-27T0240). */
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PayoutsTable {
  id: string;
  tenant_id: string;
  /** The business's own account id, or a fieldworker's connected account id. */
  account_id: string;
  fieldworker_id: string | null;
  amount: number;
  currency: string;
  status: string;
  arrival_date: Date | null;
  failure_code: string | null;
  failure_message: string | null;
  stripe_created_at: Timestamp;
  stripe_event_at: Date | null;
  updated_at: UpdatedAt;
}

export interface TransfersTable {
  id: string;
  tenant_id: string;
  destination: string;
  amount: number;
  amount_reversed: ColumnType<number, number | undefined, number>;
  currency: string;
  source_charge: string | null;
  stripe_created_at: Timestamp;
  stripe_event_at: Date | null;
}

export interface ApplicationFeesTable {
  id: string;
  tenant_id: string;
  account: string;
  amount: number;
  amount_refunded: ColumnType<number, number | undefined, number>;
  currency: string;
  charge: string | null;
  stripe_created_at: Timestamp;
  stripe_event_at: Date | null;
}

export type AlertSeverity = "info" | "warning" | "critical";

export interface AlertsTable {
  id: Generated<string>;
  tenant_id: string;
  /** Stable per condition: while unresolved there is one open alert per key. */
  key: string;
  kind: string;
  severity: AlertSeverity;
  account_id: string | null;
  fieldworker_id: string | null;
  payout_id: string | null;
  title: string;
  explanation: string;
  fix: string;
  since: Timestamp;
  last_seen_at: UpdatedAt;
  resolved_at: Date | null;
  /** Set while an admin has dismissed the open alert (since 2026-11-27T0330); cleared if it gets worse. */
  dismissed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  dismissed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HealthReportsTable {
  id: Generated<string>;
  tenant_id: string;
  trigger: "scheduled" | "manual" | "settings_changed";
  status: "pass" | "warn" | "fail";
  checks: Json<unknown[]>;
  created_at: CreatedAt;
}

/** One payout delay check of a business (migration 2026-11-27T0047). */
export interface PayoutCheckRunsTable {
  id: Generated<string>;
  tenant_id: string;
  trigger: "scheduled" | "manual";
  accounts_checked: number;
  /** Accounts Stripe would not show (each also gets a "could not check" alert). */
  accounts_failed: number;
  findings: number;
  started_at: Timestamp;
  finished_at: CreatedAt;
}

export interface PaymentsDomainTables {
  fieldworker_accounts: FieldworkerAccountsTable;
  invitations: InvitationsTable;
  services: ServicesTable;
  stripe_customers: StripeCustomersTable;
  bookings: BookingsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  webhook_events: WebhookEventsTable;
  payouts: PayoutsTable;
  transfers: TransfersTable;
  application_fees: ApplicationFeesTable;
  alerts: AlertsTable;
  health_reports: HealthReportsTable;
  booking_preferences: BookingPreferencesTable;
  payout_check_runs: PayoutCheckRunsTable;
  ledger_lines: LedgerLinesView;
}
