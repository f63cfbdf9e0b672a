// Group commit for webhook events: events that arrive together are stored in one statement, each request still
// answered only after its event is committed. Under a burst this turns hundreds of transactions a
// second into a few dozen; alone, an event waits at most `maxWaitMs` for company.
import type { Db } from "@fieldpay/db/client";
import { type ReceivedEvent, storeWebhookEvents } from "@fieldpay/db/repositories/webhook-events";

interface Waiting {
  event: ReceivedEvent;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

export type StoreEvent = (event: ReceivedEvent) => Promise<boolean>;

export function createEventBatcher(
  db: Db,
  options: { maxBatch?: number; maxWaitMs?: number; onStored?: () => void } = {},
): StoreEvent {
  const maxBatch = options.maxBatch ?? 100;
  const maxWaitMs = options.maxWaitMs ?? 2;
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    storeWebhookEvents(
      db,
      batch.map((w) => w.event),
    ).then(
      (stored) => {
        for (const [i, w] of batch.entries()) w.resolve(stored[i] === true);
        if (stored.includes(true)) options.onStored?.();
      },
      // One failed statement fails its whole batch: each request answers 500 and Stripe retries it.
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  };

  return (event) =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ event, resolve, reject });
      if (waiting.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
}
