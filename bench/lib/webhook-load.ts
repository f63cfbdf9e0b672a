// The load side of the webhook benchmark: builds signed Stripe events and fires them like Stripe does
// (retrying anything but a 2xx or 4xx), recording how long each acknowledgement took. It sends through undici's
// Pool (one request at a time per keep-alive connection, like Stripe): it costs far less CPU per request than
// node:http's client, and the load generator shares the machine with what it measures.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { Pool } from "undici";

export interface PlannedRequest {
  eventId: string;
  body: string;
  signature: string;
  /** A bad signature: the worker must answer 400 and store nothing. */
  forged: boolean;
}

const TYPES = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payout.paid",
  "transfer.created",
  "customer.created",
];

/** A data.object shaped like Stripe's for each type (the handlers read real fields). */
function objectFor(type: string, i: number, created: number): Record<string, unknown> {
  const base = { created, livemode: false, currency: "usd", metadata: {} };
  switch (type) {
    case "payout.paid":
      return {
        ...base,
        id: `po_bench${i}`,
        object: "payout",
        amount: 1000 + i,
        status: "paid",
        arrival_date: created + 86_400,
        failure_code: null,
        failure_message: null,
      };
    case "transfer.created":
      return {
        ...base,
        id: `tr_bench${i}`,
        object: "transfer",
        amount: 800 + i,
        amount_reversed: 0,
        destination: "acct_benchWorker",
        source_transaction: `ch_bench${i}`,
      };
    case "customer.created":
      return { ...base, id: `cus_bench${i}`, object: "customer", email: `c${i}@bench.test` };
    default:
      return {
        ...base,
        id: `pi_bench${i}`,
        object: "payment_intent",
        amount: 1000 + i,
        status: type.endsWith("succeeded") ? "succeeded" : "requires_payment_method",
        last_payment_error: null,
      };
  }
}

/** `count` distinct events, plus duplicates and forged copies, shuffled (seeded, so runs compare). */
export function planEvents(opts: {
  count: number;
  duplicateShare: number;
  forgedShare: number;
  secret: string;
  seed: number;
}) {
  let state = opts.seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const now = Math.floor(Date.now() / 1000);
  const events: PlannedRequest[] = [];
  for (let i = 0; i < opts.count; i++) {
    const id = `evt_bench${i.toString().padStart(8, "0")}${randomBytes(3).toString("hex")}`;
    const type = TYPES[i % TYPES.length]!;
    const body = JSON.stringify({
      id,
      object: "event",
      api_version: "2026-10-28.endive",
      created: now - (i % 60),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: objectFor(type, i, now - 3600) },
    });
    events.push({
      eventId: id,
      body,
      signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret }),
      forged: false,
    });
  }
  const duplicates = Math.round(opts.count * opts.duplicateShare);
  for (let i = 0; i < duplicates; i++) events.push({ ...events[Math.floor(random() * opts.count)]! });
  const forged = Math.round(opts.count * opts.forgedShare);
  for (let i = 0; i < forged; i++) {
    const victim = events[Math.floor(random() * opts.count)]!;
    events.push({
      ...victim,
      signature: Stripe.webhooks.generateTestHeaderString({
        payload: victim.body,
        secret: "whsec_notTheRightOne",
      }),
      forged: true,
    });
  }
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

async function post(pool: Pool, path: string, planned: PlannedRequest): Promise<number> {
  try {
    const res = await pool.request({
      path,
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": planned.signature },
      body: planned.body,
    });
    await res.body.dump();
    return res.statusCode;
  } catch {
    // No answer (the worker is down, the connection dropped): Stripe would retry it.
    return 0;
  }
}

export interface FireResult {
  latenciesMs: number[];
  accepted: number;
  rejected: number;
  retries: number;
  wallMs: number;
  lastAckAt: number;
}

/**
 * Sends every planned request with `concurrency` in flight. Like Stripe, a request that gets no answer or a 5xx
 * is sent again (after `retryDelayMs`), up to `maxAttempts`; `onProgress` lets a caller act halfway.
 */
export async function fire(
  url: URL,
  planned: PlannedRequest[],
  opts: {
    concurrency: number;
    retryDelayMs: number;
    maxAttempts: number;
    onProgress?: (done: number) => Promise<void> | void;
  },
): Promise<FireResult> {
  const pool = new Pool(url.origin, { connections: opts.concurrency, pipelining: 1 });
  const result: FireResult = {
    latenciesMs: [],
    accepted: 0,
    rejected: 0,
    retries: 0,
    wallMs: 0,
    lastAckAt: 0,
  };
  let next = 0;
  let done = 0;
  const started = performance.now();
  async function lane() {
    while (next < planned.length) {
      const item = planned[next++]!;
      for (let attempt = 1; ; attempt++) {
        const t0 = performance.now();
        const status = await post(pool, url.pathname, item);
        if (status >= 200 && status < 300) {
          result.latenciesMs.push(performance.now() - t0);
          result.accepted += 1;
          break;
        }
        if (status >= 400 && status < 500) {
          result.rejected += 1;
          break;
        }
        if (attempt >= opts.maxAttempts)
          throw new Error(
            `event ${item.eventId} still failing after ${attempt} attempts (last status ${status})`,
          );
        result.retries += 1;
        await new Promise((r) => setTimeout(r, opts.retryDelayMs));
      }
      done += 1;
      result.lastAckAt = performance.now();
      await opts.onProgress?.(done);
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  result.wallMs = performance.now() - started;
  await pool.destroy();
  return result;
}
