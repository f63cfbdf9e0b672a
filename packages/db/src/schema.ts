import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

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

export interface AuthAttemptsTable {
  id: Generated<number>;
  scope: "account" | "address";
  key: string;
  created_at: CreatedAt;
}

export type PaymentMode = "direct" | "connect";
export type ConnectAccountType = "standard" | "express" | "custom";

export interface PaymentSettingsTable {
  tenant_id: string;
  mode: PaymentMode;
  publishable_key: string;
  secret_key_sealed: Uint8Array;
  secret_key_hint: string;
  secret_key_kind: "secret" | "restricted";
  key_mode: "test" | "live";
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
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_attempts: AuthAttemptsTable;
  payment_settings: PaymentSettingsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type PaymentSettingsRow = Selectable<PaymentSettingsTable>;
export type NewPaymentSettings = Insertable<PaymentSettingsTable>;
