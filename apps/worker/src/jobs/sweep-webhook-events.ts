// Nothing stored is lost: events whose job died with a killed worker (or vanished) are queued again.
import type { Db } from "@fieldpay/db/client";
import { requeueStrandedEvents } from "@fieldpay/db/repositories/webhook-events";

/** Events younger than this are left alone: their own job is about to run. */
export const SWEEP_AFTER_SECONDS = 30;

export function sweepWebhookEvents(deps: { db: Db }, options: { olderThanSeconds?: number } = {}) {
  return requeueStrandedEvents(deps.db, {
    olderThanSeconds: options.olderThanSeconds ?? SWEEP_AFTER_SECONDS,
    limit: 1000,
  });
}
