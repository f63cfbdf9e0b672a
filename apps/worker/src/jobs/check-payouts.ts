// Payout delay check of one business: its own account and every connected fieldworker account, a few at a time
// within the Stripe rate limit. Findings become alerts (kept by their stable key); alerts whose condition is gone
// resolve themselves. An account Stripe will not show gets a "could not check" alert instead, and its other
// alerts stay as they were.
import { type AlertInput, recordPayoutCheckRun, syncAlerts } from "@fieldpay/db/repositories/alerts";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { listFieldworkerAccounts } from "@fieldpay/db/repositories/payouts";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import { toPaymentError } from "@fieldpay/payments/errors";
import { examineAccount, type WatchedAccount } from "@fieldpay/payments/payout-account";
import type { PayoutFinding } from "@fieldpay/payments/payouts";
import { mapWithLimit } from "@fieldpay/payments/rate-limit";
import type { WorkerDeps } from "../deps.ts";
import { queuePayoutLateEmail } from "../mail/payout-emails.ts";
import { tenantStripe } from "../stripe/tenant-stripe.ts";

export const PAYOUT_ALERT_KINDS = ["late", "failed", "paused", "held_balance", "check_failed"] as const;
const CONCURRENT_ACCOUNTS = 4;

export interface PayoutCheckSummary {
  accountsChecked: number;
  accountsFailed: number;
  findings: number;
  resolved: number;
}

type Examined = { ok: true; findings: PayoutFinding[] } | { ok: false; message: string; fix: string };

function toAlert(watched: WatchedAccount, f: PayoutFinding): AlertInput {
  return {
    key: f.key,
    kind: f.kind,
    severity: f.severity,
    accountId: watched.accountId,
    fieldworkerId: watched.fieldworkerId,
    payoutId: f.payoutId ?? null,
    title: f.title,
    explanation: f.explanation,
    fix: f.fix,
    since: new Date(f.since),
  };
}

function checkFailedAlert(
  watched: WatchedAccount,
  failure: { message: string; fix: string },
  now: Date,
): AlertInput {
  return {
    key: `account:${watched.accountId}:check_failed`,
    kind: "check_failed",
    severity: "warning",
    accountId: watched.accountId,
    fieldworkerId: watched.fieldworkerId,
    payoutId: null,
    title: "Payouts could not be checked",
    explanation: `Stripe did not show the payouts of ${watched.name}'s account: ${failure.message}`,
    fix: failure.fix,
    since: now,
  };
}

function openTenantStripe(
  deps: Pick<WorkerDeps, "secretBox" | "stripeApiBase">,
  settings: PaymentSettingsRow,
) {
  try {
    return tenantStripe(settings, deps.secretBox, deps.stripeApiBase);
  } catch {
    return null;
  }
}

/** Each fieldworker whose payout is late hears it once (the dedupe key is the payout's). */
async function emailLatePayouts(
  deps: Pick<WorkerDeps, "db" | "webOrigin">,
  tenantId: string,
  watched: readonly WatchedAccount[],
  examined: readonly Examined[],
): Promise<void> {
  const late = examined.flatMap((result, i) => {
    const fieldworkerId = watched[i]?.fieldworkerId;
    if (!result.ok || !fieldworkerId) return [];
    return result.findings.flatMap((f) =>
      f.kind === "late" && f.payoutId && f.money
        ? [{ fieldworkerId, payoutId: f.payoutId, money: f.money, expectedDate: new Date(f.since) }]
        : [],
    );
  });
  if (late.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    for (const payout of late) {
      await queuePayoutLateEmail(trx, { tenantId, ...payout, webOrigin: deps.webOrigin });
    }
  });
}

export async function checkPayouts(
  deps: Pick<WorkerDeps, "db" | "secretBox" | "stripeApiBase" | "now" | "webOrigin">,
  input: { tenantId: string; trigger: "scheduled" | "manual" },
): Promise<PayoutCheckSummary | null> {
  const settings = await findPaymentSettings(deps.db, input.tenantId);
  if (!settings) return null;
  const startedAt = deps.now();
  const access = openTenantStripe(deps, settings);
  // A key this server cannot open is a settings problem the health report explains; retrying would not help.
  if (!access) return null;
  const fieldworkers = await listFieldworkerAccounts(deps.db, input.tenantId);
  const watched: WatchedAccount[] = [
    { accountId: settings.stripe_account_id, fieldworkerId: null, name: "the business" },
    ...fieldworkers.flatMap((f) =>
      f.stripe_account_id && f.status !== "deauthorized"
        ? [{ accountId: f.stripe_account_id, fieldworkerId: f.user_id, name: f.name }]
        : [],
    ),
  ];
  const examined = await mapWithLimit(watched, { concurrency: CONCURRENT_ACCOUNTS }, (account) =>
    examineAccount(access, account, startedAt).then(
      (findings): Examined => ({ ok: true, findings }),
      (error: unknown): Examined => ({ ok: false, ...toPaymentError(error) }),
    ),
  );
  const alerts = examined.flatMap((result, i) => {
    const account = watched[i];
    if (!account) return [];
    return result.ok
      ? result.findings.map((f) => toAlert(account, f))
      : [checkFailedAlert(account, result, startedAt)];
  });
  const checkedAccounts = watched.filter((_, i) => examined[i]?.ok).map((a) => a.accountId);
  const { resolved } = await syncAlerts(deps.db, {
    tenantId: input.tenantId,
    findings: alerts,
    kinds: PAYOUT_ALERT_KINDS,
    checkedAccounts,
    watchedAccounts: watched.map((a) => a.accountId),
  });
  await emailLatePayouts(deps, input.tenantId, watched, examined);
  const summary = {
    accountsChecked: checkedAccounts.length,
    accountsFailed: watched.length - checkedAccounts.length,
    findings: alerts.length,
    resolved,
  };
  await recordPayoutCheckRun(deps.db, {
    tenant_id: input.tenantId,
    trigger: input.trigger,
    accounts_checked: summary.accountsChecked,
    accounts_failed: summary.accountsFailed,
    findings: summary.findings,
    started_at: startedAt,
  });
  return summary;
}
