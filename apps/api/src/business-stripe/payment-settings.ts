// Payment integration settings: read (secrets only as hints), and save after Stripe has accepted the keys.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings, savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import type { ConnectAccountType, PaymentMode, PaymentSettingsRow } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import { validateCredentials } from "@fieldpay/payments/credentials";
import { checkCredentialFormat, maskSecret } from "@fieldpay/payments/keys";
import { normalizeCurrency, parseMoney } from "@fieldpay/payments/money";
import { commissionCapProblem } from "@fieldpay/payments/money/limits";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import type { Logger } from "pino";
import { DomainError, type FieldProblem, InputProblems } from "../errors.ts";
import { requestReportAfterSettingsChange } from "../ops/health-reports.ts";
import { webhookEndpoints } from "./webhook-endpoints.ts";

export interface SettingsDeps {
  db: Db;
  secretBox: SecretBox;
  stripeApiBase: string | undefined;
  webhookBaseUrl: string;
  log: Logger;
}

export interface SettingsInput {
  mode: PaymentMode;
  publishableKey: string;
  /** Left out (or empty) to keep the stored one. */
  secretKey?: string | undefined;
  webhookSecret?: string | undefined;
  connectWebhookSecret?: string | undefined;
  connectAccountType: ConnectAccountType;
  /** Percentage as typed, e.g. "12.5" (at most two decimals). */
  commissionPercent: string;
  /** Fixed part as typed in the currency, e.g. "0.30". */
  commissionFixed: string;
  currency: string;
}

const blank = (value: string | undefined) => value === undefined || value.trim() === "";

function invalid(message: string, fix?: string, field?: string): DomainError {
  return new DomainError("invalid_input", message, fix, field);
}

/** "12.5" -> 1250 basis points, exactly; `field` names the form's field for the message. */
export function percentToBasisPoints(percent: string, field?: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  const bps = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : Number.NaN;
  if (!(bps >= 0 && bps <= 10_000)) {
    throw invalid(
      "The commission percentage must be a number from 0 to 100, with at most two decimals.",
      "For example 12.5",
      field,
    );
  }
  return bps;
}

export function basisPointsToPercent(bps: number): string {
  const fraction = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${Math.floor(bps / 100)}.${fraction}` : String(Math.floor(bps / 100));
}

function checkWebhookSecret(secret: string, field: "webhookSecret" | "connectWebhookSecret") {
  if (!/^whsec_[A-Za-z0-9]+$/.test(secret)) {
    throw invalid(
      "A webhook signing secret starts with whsec_.",
      "Copy it from Developers > Webhooks > your endpoint > Signing secret > Reveal.",
      field,
    );
  }
}

/** The commission as stored, after the same checks the form explains: at most 50% and a capped fixed part. */
function commissionOf(input: SettingsInput, currency: string) {
  const bps = percentToBasisPoints(input.commissionPercent, "commissionPercent");
  const fixed = parseMoney({ value: input.commissionFixed.trim() || "0", currency });
  if (!fixed.ok) throw invalid(`Fixed commission: ${fixed.error.message}`, undefined, "commissionFixed");
  const capped = commissionCapProblem({ basisPoints: bps, fixed: fixed.money.amount }, currency);
  if (capped) {
    throw invalid(
      capped.message,
      undefined,
      capped.field === "percent" ? "commissionPercent" : "commissionFixed",
    );
  }
  return { bps, fixed: fixed.money.amount, currency: fixed.money.currency };
}

/**
 * Every problem with what was typed, gathered before Stripe is asked anything, so the long settings form shows
 * them all at once; the checks themselves throw a DomainError naming their field.
 */
function checkSettingsInput(input: SettingsInput, secretKey: string | null) {
  const problems: FieldProblem[] = [];
  const collect = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DomainError && error.field)) throw error;
      problems.push({ field: error.field, message: error.message, fix: error.fix });
      return undefined;
    }
  };
  if (secretKey === null) {
    problems.push({
      field: "secretKey",
      message: "Enter your Stripe Secret key.",
      fix: "Find it under Developers > API keys in your Stripe dashboard (click Reveal).",
    });
  } else {
    const format = checkCredentialFormat({ publishableKey: input.publishableKey.trim(), secretKey });
    if (!format.ok) problems.push({ field: format.field, message: format.message, fix: format.fix });
  }
  const currency = normalizeCurrency(input.currency);
  if (currency === null) {
    problems.push({
      field: "currency",
      message: `"${input.currency}" is not a three-letter currency code.`,
      fix: "Enter it like usd, eur, gbp or jpy.",
    });
  }
  const commission = currency === null ? undefined : collect(() => commissionOf(input, currency));
  for (const field of ["webhookSecret", "connectWebhookSecret"] as const) {
    const value = input[field];
    if (!blank(value)) collect(() => checkWebhookSecret(value!.trim(), field));
  }
  if (problems.length > 0 || !commission || secretKey === null) throw new InputProblems(problems);
  return { commission, secretKey };
}

function webhookSecretUpdate(
  box: SecretBox,
  tenantId: string,
  next: string | undefined,
  stored: { sealed: Uint8Array | null; previous: Uint8Array | null; hint: string | null },
  kind: "webhook_secret" | "connect_webhook_secret",
  field: "webhookSecret" | "connectWebhookSecret",
) {
  if (blank(next)) return stored;
  const secret = next!.trim();
  checkWebhookSecret(secret, field);
  // The old secret keeps verifying while Stripe still signs with it (rotation overlaps for up to 24 hours).
  const previous = stored.sealed
    ? box.seal(box.open(stored.sealed, tenantId, kind), tenantId, `${kind}_previous`)
    : null;
  return { sealed: box.seal(secret, tenantId, kind), previous, hint: maskSecret(secret) };
}

export async function updatePaymentSettings(deps: SettingsDeps, tenantId: string, input: SettingsInput) {
  const stored = await findPaymentSettings(deps.db, tenantId);
  const { commission, secretKey } = checkSettingsInput(
    input,
    !blank(input.secretKey)
      ? input.secretKey!.trim()
      : stored
        ? deps.secretBox.open(stored.secret_key_sealed, tenantId, "stripe_secret_key")
        : null,
  );

  const checked = await validateCredentials(
    { publishableKey: input.publishableKey.trim(), secretKey },
    { apiBase: deps.stripeApiBase },
  );
  if (!checked.ok) {
    throw new DomainError("invalid_input", checked.error.message, checked.error.fix, checked.error.field);
  }
  const { report } = checked;

  const box = deps.secretBox;
  const webhook = webhookSecretUpdate(
    box,
    tenantId,
    input.webhookSecret,
    {
      sealed: stored?.webhook_secret_sealed ?? null,
      previous: stored?.webhook_secret_previous_sealed ?? null,
      hint: stored?.webhook_secret_hint ?? null,
    },
    "webhook_secret",
    "webhookSecret",
  );
  const connectWebhook = webhookSecretUpdate(
    box,
    tenantId,
    input.connectWebhookSecret,
    {
      sealed: stored?.connect_webhook_secret_sealed ?? null,
      previous: stored?.connect_webhook_secret_previous_sealed ?? null,
      hint: stored?.connect_webhook_secret_hint ?? null,
    },
    "connect_webhook_secret",
    "connectWebhookSecret",
  );

  const row = await savePaymentSettings(deps.db, {
    tenant_id: tenantId,
    mode: input.mode,
    publishable_key: input.publishableKey.trim(),
    secret_key_sealed: box.seal(secretKey, tenantId, "stripe_secret_key"),
    secret_key_hint: report.maskedSecretKey,
    secret_key_kind: report.secretKind,
    key_mode: report.mode,
    stripe_account_id: report.account.id,
    stripe_account_country: report.account.country,
    webhook_secret_sealed: webhook.sealed,
    webhook_secret_previous_sealed: webhook.previous,
    webhook_secret_hint: webhook.hint,
    connect_webhook_secret_sealed: connectWebhook.sealed,
    connect_webhook_secret_previous_sealed: connectWebhook.previous,
    connect_webhook_secret_hint: connectWebhook.hint,
    connect_account_type: input.connectAccountType,
    commission_bps: commission.bps,
    commission_fixed: commission.fixed,
    currency: commission.currency,
    validated_at: new Date(),
  });
  await requestReportAfterSettingsChange(deps, tenantId);
  return { settings: settingsView(row, deps.webhookBaseUrl), warnings: report.warnings };
}

export async function getPaymentSettings(
  deps: Pick<SettingsDeps, "db" | "webhookBaseUrl">,
  tenantId: string,
) {
  const row = await findPaymentSettings(deps.db, tenantId);
  return {
    settings: row ? settingsView(row, deps.webhookBaseUrl) : null,
    endpoints: webhookEndpoints(deps.webhookBaseUrl, tenantId),
  };
}

/** The only shape settings leave the api in: secrets appear as hints ("sk_test_…1234"), never whole. */
export function settingsView(row: PaymentSettingsRow, webhookBaseUrl: string) {
  return {
    mode: row.mode,
    publishableKey: row.publishable_key,
    secretKeyHint: row.secret_key_hint,
    keyMode: row.key_mode,
    stripeAccountId: row.stripe_account_id,
    webhookSecretHint: row.webhook_secret_hint,
    connectWebhookSecretHint: row.connect_webhook_secret_hint,
    connectAccountType: row.connect_account_type,
    commissionBps: row.commission_bps,
    commissionFixed: row.commission_fixed,
    /** As the admin typed them, exactly: "12.5" and "0.30". */
    commissionPercent: basisPointsToPercent(row.commission_bps),
    commissionFixedDecimal: toDecimalString(row.commission_fixed, row.currency),
    currency: row.currency,
    validatedAt: new Date(row.validated_at),
    disputeLiability: row.dispute_liability,
    endpoints: webhookEndpoints(webhookBaseUrl, row.tenant_id),
  };
}
