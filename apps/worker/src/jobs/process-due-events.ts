// Processes due webhook events a batch at a time: claim up to `limit` (skipping those another worker holds), apply
// them all and mark them processed in one transaction. If any handler fails the batch rolls back as a whole and its
// events are processed one by one instead, so the failure is recorded against its own event and the rest commit.
import { randomUUID } from "node:crypto";
import type { Db } from "@fieldpay/db/client";
import {
  claimDueWebhookEvents,
  type EventKey,
  markWebhookEventsProcessed,
} from "@fieldpay/db/repositories/webhook-events";
import type { Logger } from "pino";
import { applyStoredEvent, businessAccountReader, processWebhookEvent } from "./process-webhook-event.ts";

export interface BatchOutcome {
  /** Events claimed: fewer than the limit means nothing else was due. */
  claimed: number;
  applied: number;
  failed: number;
}

type Deps = { db: Db; log: Logger; webOrigin: string };

export async function processDueEvents(deps: Deps, options: { limit: number }): Promise<BatchOutcome> {
  // Every line about this batch (each event of it that failed) carries the batch's id.
  const log = deps.log.child({ batchId: randomUUID() });
  let claimed: EventKey[] = [];
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const rows = await claimDueWebhookEvents(trx, options.limit);
      claimed = rows.map((row) => ({ tenantId: row.tenant_id, eventId: row.id }));
      const businessAccountOf = businessAccountReader(trx);
      for (const row of rows) await applyStoredEvent(trx, row, businessAccountOf, deps.webOrigin);
      await markWebhookEventsProcessed(trx, claimed);
      return { claimed: rows.length, applied: rows.length, failed: 0 };
    });
  } catch (batchError) {
    if (claimed.length === 0) throw batchError;
    return processOneByOne({ ...deps, log }, claimed);
  }
}

async function processOneByOne(deps: Deps, keys: readonly EventKey[]): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { claimed: keys.length, applied: 0, failed: 0 };
  for (const key of keys) {
    // A failure is already recorded with its event (and its backoff); the others go on.
    const applied = await processWebhookEvent(deps, key).then(
      (result) => result.status === "applied",
      (error: unknown) => {
        outcome.failed += 1;
        deps.log.warn({ err: error, ...key }, "webhook event failed; it waits for its retry");
        return false;
      },
    );
    if (applied) outcome.applied += 1;
  }
  return outcome;
}
