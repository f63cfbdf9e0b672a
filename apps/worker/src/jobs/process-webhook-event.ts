// Applies one stored webhook event, exactly once in effect: the event row is locked, the handler's writes and the
// "processed" mark commit together, and a second job for the same event finds it processed and does nothing.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import {
  lockWebhookEvent,
  markWebhookEventProcessed,
  recordWebhookEventFailure,
} from "@fieldpay/db/repositories/webhook-events";
import { redactSecrets } from "@fieldpay/payments/errors";
import { dispatchEvent, isStripeEvent } from "../handlers/dispatch.ts";

export type ProcessOutcome =
  | { status: "applied"; detail: string }
  | { status: "already_processed" }
  | { status: "missing" };

export async function processWebhookEvent(
  deps: { db: Db },
  key: { tenantId: string; eventId: string },
): Promise<ProcessOutcome> {
  const { tenantId, eventId } = key;
  try {
    return await deps.db.transaction().execute(async (trx): Promise<ProcessOutcome> => {
      const row = await lockWebhookEvent(trx, tenantId, eventId);
      if (!row) return { status: "missing" };
      if (row.processed_at !== null) return { status: "already_processed" };
      const event = row.payload;
      if (!isStripeEvent(event)) throw new Error(`stored event ${eventId} is not a Stripe event`);
      const settings = await findPaymentSettings(trx, row.tenant_id);
      const detail = await dispatchEvent({
        trx,
        tenantId: row.tenant_id,
        endpoint: row.endpoint,
        event,
        eventAt: new Date(event.created * 1000),
        businessAccountId: settings?.stripe_account_id ?? "unknown",
      });
      await markWebhookEventProcessed(trx, tenantId, eventId);
      return { status: "applied", detail };
    });
  } catch (error) {
    // The work rolled back; the attempt is counted outside it, and the job fails so the queue retries later.
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    await recordWebhookEventFailure(deps.db, tenantId, eventId, message);
    throw error;
  }
}
