// Applies stored webhook events, exactly once in effect: each event row is locked, the handler's writes and the
// "processed" mark commit together, and an event already processed is left alone.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import {
  type EventKey,
  lockWebhookEvent,
  markWebhookEventsProcessed,
  recordWebhookEventFailure,
  type WebhookEventRow,
} from "@fieldpay/db/repositories/webhook-events";
import { redactSecrets } from "@fieldpay/payments/errors";
import { dispatchEvent, isStripeEvent } from "../handlers/dispatch.ts";

export type ProcessOutcome =
  | { status: "applied"; detail: string }
  | { status: "already_processed" }
  | { status: "missing" };

/** The business's own Stripe account id, read once per business per transaction. */
export type BusinessAccountOf = (tenantId: string) => Promise<string>;

export function businessAccountReader(trx: Db): BusinessAccountOf {
  const known = new Map<string, Promise<string>>();
  return (tenantId) => {
    let account = known.get(tenantId);
    if (!account) {
      account = findPaymentSettings(trx, tenantId).then((s) => s?.stripe_account_id ?? "unknown");
      known.set(tenantId, account);
    }
    return account;
  };
}

/** Runs the handler of one locked, unprocessed event inside `trx`; throws when it fails. */
export async function applyStoredEvent(
  trx: Db,
  row: WebhookEventRow,
  businessAccountOf: BusinessAccountOf,
  webOrigin: string,
): Promise<string> {
  const event = row.payload;
  if (!isStripeEvent(event)) throw new Error(`stored event ${row.id} is not a Stripe event`);
  return dispatchEvent({
    trx,
    tenantId: row.tenant_id,
    endpoint: row.endpoint,
    event,
    eventAt: new Date(event.created * 1000),
    businessAccountId: await businessAccountOf(row.tenant_id),
    webOrigin,
  });
}

/** A failure as stored with the event: never a secret. */
export const failureMessage = (error: unknown) =>
  redactSecrets(error instanceof Error ? error.message : String(error));

/**
 * One event in its own transaction. A failure rolls the work back, is recorded against the event (which then
 * waits for its backoff) and is thrown.
 */
export async function processWebhookEvent(
  deps: { db: Db; webOrigin: string },
  key: EventKey,
): Promise<ProcessOutcome> {
  const { tenantId, eventId } = key;
  try {
    return await deps.db.transaction().execute(async (trx): Promise<ProcessOutcome> => {
      const row = await lockWebhookEvent(trx, tenantId, eventId);
      if (!row) return { status: "missing" };
      if (row.processed_at !== null) return { status: "already_processed" };
      const detail = await applyStoredEvent(trx, row, businessAccountReader(trx), deps.webOrigin);
      await markWebhookEventsProcessed(trx, [key]);
      return { status: "applied", detail };
    });
  } catch (error) {
    await recordWebhookEventFailure(deps.db, tenantId, eventId, failureMessage(error));
    throw error;
  }
}
