// The worker's webhook processing loop: `lanes` loops, each claiming and applying a batch of due events at a time.
// A lane that finds less than a full batch rests until it is poked (an event was stored in this process) or until
// `pollMs` passes (events stored by another worker process, and retries whose backoff has ended).
// Acknowledgements come first: while `deferWhile()` says the endpoint is busy (a burst), processing waits, for at most
// `maxDeferMs`, then catches up whatever the load. Stripe only waits for the 200; the effects may lag a few seconds.
import type { Db } from "@fieldpay/db/client";
import type { Logger } from "pino";
import { processDueEvents } from "../jobs/process-due-events.ts";
import { failureMessage } from "../jobs/process-webhook-event.ts";

export interface EventProcessorOptions {
  lanes?: number;
  batchSize?: number;
  pollMs?: number;
  /** A poked lane waits this long for company before claiming, so a burst is applied in few transactions. */
  gatherMs?: number;
  deferWhile?: () => boolean;
  maxDeferMs?: number;
}

export interface EventProcessor {
  /** Something was stored: look for due events soon rather than at the next poll. */
  poke: () => void;
  /** Finishes the batches in hand, then stops. */
  stop: () => Promise<void>;
}

const DEFER_CHECK_MS = 50;

interface Lane {
  poked: boolean;
  wake?: () => void;
}

export function startEventProcessor(
  deps: { db: Db; log: Logger; webOrigin: string },
  options: EventProcessorOptions = {},
): EventProcessor {
  const { lanes = 2, batchSize = 200, pollMs = 1000, gatherMs = 20, maxDeferMs = 10_000 } = options;
  const { log } = deps;
  let stopped = false;
  // A database problem is said once when it starts and once when it is over, not at every poll.
  let pausedBy: string | undefined;
  // Since when processing has been giving way to a burst; cleared once a lane has caught up.
  let deferringSince: number | undefined;

  const shouldDefer = () => {
    if (!options.deferWhile?.()) return false;
    deferringSince ??= performance.now();
    return performance.now() - deferringSince < maxDeferMs;
  };

  const rest = (lane: Lane, ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (lane.wake === done) lane.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      lane.wake = done;
    });

  async function run(lane: Lane) {
    while (!stopped) {
      if (shouldDefer()) {
        await rest(lane, DEFER_CHECK_MS);
        continue;
      }
      lane.poked = false;
      const outcome = await processDueEvents(deps, { limit: batchSize }).catch((error: unknown) => {
        if (pausedBy === undefined) {
          pausedBy = failureMessage(error);
          log.warn(`webhook processing paused: ${pausedBy} (trying again every ${pollMs} ms)`);
        }
        return null;
      });
      if (outcome && pausedBy !== undefined) {
        pausedBy = undefined;
        log.info("webhook processing resumed");
      }
      if (stopped || outcome?.claimed === batchSize) continue;
      deferringSince = undefined;
      // Poked while busy: what was stored meanwhile is due now. A database problem waits a full poll.
      await rest(lane, lane.poked && outcome ? gatherMs : pollMs);
    }
  }

  const all: Lane[] = Array.from({ length: lanes }, () => ({ poked: false }));
  const running = Promise.all(all.map(run));
  return {
    poke() {
      for (const lane of all) {
        if (lane.poked) continue;
        lane.poked = true;
        const wake = lane.wake;
        if (wake) setTimeout(wake, gatherMs);
      }
    },
    async stop() {
      stopped = true;
      for (const lane of all) lane.wake?.();
      await running;
    },
  };
}
