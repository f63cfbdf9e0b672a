// A whole payment settings row for tests and benchmarks: every column a plain test-mode default (Connect, Express,
// no webhook secrets, no commission), so a caller states only the business, its sealed key and what it is about.
import type { NewPaymentSettings } from "../schema.ts";

export function testPaymentSettings(
  row: Pick<NewPaymentSettings, "tenant_id" | "secret_key_sealed"> & Partial<NewPaymentSettings>,
): NewPaymentSettings {
  return {
    mode: "connect",
    publishable_key: "pk_test_fieldpayFake5678",
    secret_key_hint: "sk_test_…1234",
    secret_key_kind: "secret",
    key_mode: "test",
    stripe_account_id: "acct_business1",
    stripe_account_country: "US",
    webhook_secret_sealed: null,
    webhook_secret_previous_sealed: null,
    webhook_secret_hint: null,
    connect_webhook_secret_sealed: null,
    connect_webhook_secret_previous_sealed: null,
    connect_webhook_secret_hint: null,
    connect_account_type: "express",
    commission_bps: 0,
    commission_fixed: 0,
    currency: "usd",
    validated_at: new Date(),
    ...row,
  };
}
