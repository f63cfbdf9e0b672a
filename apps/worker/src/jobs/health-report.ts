// A troubleshooting health report of one business, stored with its history: keys, account readiness,
// capabilities, Connect, every fieldworker, webhooks arriving and applied, and the payout schedule.

import { listDisputesAwaitingEvidence } from "@fieldpay/db/repositories/dispute-alerts";
import {
  type HealthReportRow,
  listHealthReports,
  saveHealthReport,
} from "@fieldpay/db/repositories/health-reports";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { listFieldworkerAccounts } from "@fieldpay/db/repositories/payouts";
import { latestWebhookEvent, webhookProcessingState } from "@fieldpay/db/repositories/webhook-events";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import { stripeChecks, unreadableKeyCheck } from "@fieldpay/payments/account-checks";
import { checkOpenDisputes } from "@fieldpay/payments/dispute-health";
import { buildCheck, checkKeyMode, type HealthCheck, KEYS_PAGE } from "@fieldpay/payments/health";
import { keyMode } from "@fieldpay/payments/keys";
import { checkWebhookFreshness, checkWebhookProcessing } from "@fieldpay/payments/webhook-health";
import type { EndpointKind } from "@fieldpay/payments/webhooks";
import { fieldworkerChecks } from "../checks/fieldworker-checks.ts";
import type { WorkerDeps } from "../deps.ts";
import { queueHealthFailingEmails } from "../mail/health-emails.ts";
import { type TenantStripe, tenantStripe } from "../stripe/tenant-stripe.ts";

type Deps = Pick<WorkerDeps, "db" | "secretBox" | "stripeApiBase" | "webhookBaseUrl" | "now">;
type ReportDeps = Deps & Pick<WorkerDeps, "webOrigin">;

function notSetUp(): HealthCheck {
  return buildCheck(
    "payment_integration",
    "Payment integration set up",
    [
      {
        status: "fail",
        text: "No Stripe keys are saved, so no card payments can be taken.",
        fix: `Choose Stripe or Stripe Connect under ${KEYS_PAGE} and enter your Publishable key and Secret key.`,
      },
    ],
    "",
  );
}

/** Notifications left unapplied this long (never tried) count as waiting in the report. */
const WAITING_AFTER_SECONDS = 5 * 60;

async function processingCheck(deps: Deps, tenantId: string): Promise<HealthCheck> {
  const state = await webhookProcessingState(deps.db, tenantId, {
    waitingAfterSeconds: WAITING_AFTER_SECONDS,
  });
  const oldest = state.oldestFailing;
  return checkWebhookProcessing({
    failing: state.failing,
    waiting: state.waiting,
    oldestFailing: oldest && {
      id: oldest.id,
      type: oldest.type,
      attempts: oldest.attempts,
      lastError: oldest.last_error,
      receivedAt: new Date(oldest.received_at),
    },
    now: deps.now(),
  });
}

async function webhookChecks(deps: Deps, settings: PaymentSettingsRow): Promise<HealthCheck[]> {
  const base = `${deps.webhookBaseUrl.replace(/\/$/, "")}/webhooks/stripe/${settings.tenant_id}`;
  const kinds: EndpointKind[] = settings.mode === "connect" ? ["account", "connect"] : ["account"];
  const arriving = await Promise.all(
    kinds.map(async (kind) => {
      const last = await latestWebhookEvent(deps.db, settings.tenant_id, kind);
      const sealed =
        kind === "connect" ? settings.connect_webhook_secret_sealed : settings.webhook_secret_sealed;
      return checkWebhookFreshness({
        kind,
        secretConfigured: sealed !== null,
        lastEventAt: last ? new Date(last.received_at) : null,
        now: deps.now(),
        endpointUrl: kind === "connect" ? `${base}/connect` : base,
      });
    }),
  );
  return [...arriving, await processingCheck(deps, settings.tenant_id)];
}

function openAccess(deps: Deps, settings: PaymentSettingsRow): TenantStripe | null {
  try {
    return tenantStripe(settings, deps.secretBox, deps.stripeApiBase);
  } catch {
    // The sealed key does not open with this server's encryption key; the check says so.
    return null;
  }
}

export async function gatherChecks(deps: Deps, tenantId: string): Promise<HealthCheck[]> {
  const settings = await findPaymentSettings(deps.db, tenantId);
  if (!settings) return [notSetUp()];
  const lastEvent = await latestWebhookEvent(deps.db, tenantId, "account");
  const keyMode_ = checkKeyMode({
    secretKeyMode: settings.key_mode,
    publishableKeyMode: keyMode(settings.publishable_key) ?? settings.key_mode,
    lastEventLivemode: lastEvent?.livemode ?? null,
  });
  const access = openAccess(deps, settings);
  const usesConnect = settings.mode === "connect";
  const stripe = access ? (await stripeChecks(access, { usesConnect })).checks : [unreadableKeyCheck()];
  const fieldworkers =
    settings.mode === "connect" ? fieldworkerChecks(await listFieldworkerAccounts(deps.db, tenantId)) : [];
  const [keys = unreadableKeyCheck(), ...account] = stripe;
  return [
    keys,
    keyMode_,
    ...account,
    ...(await webhookChecks(deps, settings)),
    await disputesCheck(deps, tenantId),
    ...fieldworkers,
  ];
}

async function disputesCheck(deps: Deps, tenantId: string): Promise<HealthCheck> {
  const waiting = await listDisputesAwaitingEvidence(deps.db, tenantId);
  return checkOpenDisputes({
    now: deps.now(),
    disputes: waiting.map((d) => ({
      amount: d.amount,
      currency: d.currency,
      reason: d.reason,
      dueBy: d.evidence_due_by ? new Date(d.evidence_due_by) : null,
      customerName: d.customer_name,
      onFieldworkerAccount: d.on_account !== null,
    })),
  });
}

/** Saves the report and, in its transaction, emails the admins about each check that has just started failing. */
export async function runHealthReport(
  deps: ReportDeps,
  input: { tenantId: string; trigger: HealthReportRow["trigger"] },
): Promise<HealthReportRow> {
  const checks = await gatherChecks(deps, input.tenantId);
  const [previous] = await listHealthReports(deps.db, input.tenantId, 1);
  return deps.db.transaction().execute(async (trx) => {
    const report = await saveHealthReport(trx, { tenantId: input.tenantId, trigger: input.trigger, checks });
    const emails = { tenantId: input.tenantId, checks, previous, webOrigin: deps.webOrigin };
    await queueHealthFailingEmails(trx, emails);
    return report;
  });
}
