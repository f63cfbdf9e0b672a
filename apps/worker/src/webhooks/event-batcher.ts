// Group commit for webhook events: events that arrive together are stored in one statement, each request still
// answered only after its event is committed. At most `maxInFlight` statements run at once; what arrives meanwhile
// waits for the next one, so the busier the endpoint the larger the batches (and the fewer commits), while a lone
// event waits at most `maxWaitMs` for company. The batcher also knows how busy the endpoint is, so processing can
// give way to acknowledgements during a burst (see event-processor.ts).
import type { Db } from "@fieldpay/db/client";
import { type ReceivedEvent, storeWebhookEvents } from "@fieldpay/db/repositories/webhook-events";

interface Waiting {
  event: ReceivedEvent;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

export type StoreEvent = (event: ReceivedEvent) => Promise<boolean>;

export interface EventBatcher {
  store: StoreEvent;
  /** Whether events arrived at `busyPerSecond` or faster over the last ~100 ms. */
  busy: () => boolean;
}

export interface EventBatcherOptions {
  maxBatch?: number;
  maxWaitMs?: number;
  maxInFlight?: number;
  /** Called after a statement stored at least one new event. */
  onStored?: () => void;
  busyPerSecond?: number;
  now?: () => number;
}

const WINDOW_MS = 100;

export function createEventBatcher(db: Db, options: EventBatcherOptions = {}): EventBatcher {
  const maxBatch = options.maxBatch ?? 100;
  const maxWaitMs = options.maxWaitMs ?? 2;
  const maxInFlight = options.maxInFlight ?? 2;
  let inFlight = 0;
  const now = options.now ?? (() => performance.now());
  const busyCount = ((options.busyPerSecond ?? 500) * WINDOW_MS) / 1000;
  const waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  // Arrivals in the current and the previous 100 ms window.
  const rate = { windowStart: 0, current: 0, previous: 0 };

  const roll = () => {
    const t = now();
    if (t - rate.windowStart < WINDOW_MS) return;
    rate.previous = t - rate.windowStart < 2 * WINDOW_MS ? rate.current : 0;
    rate.current = 0;
    rate.windowStart = t;
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0 || inFlight >= maxInFlight) return;
    const batch = waiting.splice(0, maxBatch);
    inFlight += 1;
    storeWebhookEvents(
      db,
      batch.map((w) => w.event),
    )
      .then(
        (stored) => {
          for (const [i, w] of batch.entries()) w.resolve(stored[i] === true);
          if (stored.includes(true)) options.onStored?.();
        },
        // One failed statement fails its whole batch: each request answers 500 and Stripe retries it.
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        inFlight -= 1;
        // What arrived while this statement ran goes at once: it has waited long enough.
        flush();
      });
  };

  const store: StoreEvent = (event) =>
    new Promise<boolean>((resolve, reject) => {
      roll();
      rate.current += 1;
      waiting.push({ event, resolve, reject });
      if (waiting.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });

  return {
    store,
    busy() {
      roll();
      return Math.max(rate.current, rate.previous) >= busyCount;
    },
  };
}
