// Health checks of Stripe's notifications: do they arrive (freshness), and are they applied (processing)?
import { hoursAgoWords } from "./day-words.ts";
import { buildCheck, type CheckFinding, type CheckStatus, type HealthCheck, KEYS_PAGE } from "./health.ts";
import type { EndpointKind } from "./webhooks.ts";

export interface WebhookFreshnessInput {
  kind: EndpointKind;
  secretConfigured: boolean;
  lastEventAt: Date | null;
  now: Date;
  /** The URL Stripe must call, shown in the fix so that it can be pasted as is. */
  endpointUrl: string;
  warnAfterHours?: number;
  failAfterHours?: number;
}

/** Whether Stripe's notifications reach fieldpay: without them payments, payouts and account changes go unseen. */
export function checkWebhookFreshness(input: WebhookFreshnessInput): HealthCheck {
  const { kind, endpointUrl } = input;
  const id = kind === "connect" ? "webhooks_connect" : "webhooks_account";
  const title =
    kind === "connect" ? "Stripe Connect notifications arriving" : "Stripe notifications arriving";
  const scope = kind === "connect" ? ' and choose "Events on Connected accounts"' : "";
  const create =
    `In the Stripe dashboard, open Developers > Webhooks, add an endpoint with the URL ${endpointUrl}${scope}, ` +
    `select the events to send, then copy its Signing secret into ${KEYS_PAGE}.`;
  const inspect =
    `In the Stripe dashboard, open Developers > Webhooks and the endpoint ${endpointUrl}: check that it is ` +
    `enabled, look at failed deliveries and send a test event. If deliveries fail with 400, copy the endpoint's ` +
    `Signing secret into ${KEYS_PAGE} again.`;
  if (!input.secretConfigured) {
    const text = "No webhook signing secret is saved, so fieldpay cannot accept Stripe's notifications.";
    return buildCheck(id, title, [{ status: "fail", text, fix: create }], "");
  }
  if (input.lastEventAt === null) {
    const text = "No notification from Stripe has arrived yet.";
    return buildCheck(id, title, [{ status: "warn", text, fix: inspect }], "");
  }
  const hours = Math.floor((input.now.getTime() - input.lastEventAt.getTime()) / 3_600_000);
  const last = `The last notification from Stripe arrived ${hoursAgoWords(hours)}.`;
  const status: CheckStatus =
    hours >= (input.failAfterHours ?? 72) ? "fail" : hours >= (input.warnAfterHours ?? 24) ? "warn" : "pass";
  const quiet =
    status === "pass"
      ? ""
      : " A quiet period is normal without activity, but a broken endpoint looks the same.";
  return buildCheck(id, title, [{ status, text: `${last}${quiet}`, fix: inspect }], "");
}

export interface WebhookProcessingInput {
  /** Received events that failed to apply at least once and are not applied yet. */
  failing: number;
  /** Received events not yet tried although they have waited for a while. */
  waiting: number;
  oldestFailing: {
    id: string;
    type: string;
    attempts: number;
    lastError: string | null;
    receivedAt: Date;
  } | null;
  now: Date;
  /** A failing event older than this turns the check from warn to fail. */
  failAfterHours?: number;
}

/** Are the notifications Stripe delivered actually applied (payments, payouts, accounts kept up to date)? */
export function checkWebhookProcessing(input: WebhookProcessingInput): HealthCheck {
  const id = "webhooks_applied";
  const title = "Stripe notifications applied";
  const oldest = input.oldestFailing;
  const findings: CheckFinding[] = [];
  if (input.failing > 0 && oldest) {
    const hours = (input.now.getTime() - oldest.receivedAt.getTime()) / 3_600_000;
    const stuck = hours >= (input.failAfterHours ?? 24);
    const error = oldest.lastError ? `: ${oldest.lastError}` : "";
    findings.push({
      status: stuck ? "fail" : "warn",
      text:
        `${input.failing} notification(s) from Stripe could not be applied yet. The oldest, ${oldest.type} ` +
        `(${oldest.id}, received ${hoursAgoWords(hours)}), failed ${timesWords(oldest.attempts)}${error}.`,
      fix: stuck
        ? "fieldpay keeps every notification and retries it about every 6 hours, so it is applied once the cause " +
          "is gone. If the error names your data (an account, a currency, a booking), correct it in Stripe or " +
          `fieldpay; otherwise send the event id ${oldest.id} to fieldpay support.`
        : "Nothing to do yet: fieldpay retries failed notifications by itself, waiting a little longer each time " +
          "(at most about 6 hours), and never drops one.",
    });
  }
  if (input.waiting > 0) {
    findings.push({
      status: "warn",
      text: `${input.waiting} notification(s) have waited more than a few minutes to be applied.`,
      fix: "This usually clears within minutes after a burst of notifications. If it stays, the fieldpay worker is not processing: restart it, or contact fieldpay support.",
    });
  }
  return buildCheck(id, title, findings, "Every notification Stripe delivered has been applied.");
}

const timesWords = (n: number) => (n === 1 ? "once" : `${n} times`);
