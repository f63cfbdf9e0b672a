import { createDb, openConnections } from "@fieldpay/db/client";
import { publishMailTransport } from "@fieldpay/db/repositories/email-delivery";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createLogger } from "@fieldpay/payments/log";
import type { WorkerDeps } from "./deps.ts";
import { loadEnv } from "./env.ts";
import { smtpMailer } from "./mail/smtp-transport.ts";
import { startWorkerLiveness } from "./queue/dead-workers.ts";
import { migrateQueue, startQueue } from "./queue/queue.ts";
import { createWorkerServer } from "./server.ts";
import { createStripeLimiters } from "./stripe/limiters.ts";
import { createEndpointCache } from "./webhooks/endpoint-cache.ts";
import { createEventBatcher } from "./webhooks/event-batcher.ts";
import { startEventProcessor } from "./webhooks/event-processor.ts";

const env = loadEnv();
// JSON lines for whatever collects production logs; one readable line each in `npm run dev`.
const log = createLogger({ app: "worker", format: env.NODE_ENV === "production" ? "json" : "pretty" });
const db = createDb({
  url: env.DATABASE_URL,
  // Each processing lane and each running job holds one connection; the webhook store and secret reads share the rest.
  // One more holds the job workers' liveness locks (queue/dead-workers.ts).
  max: env.WEBHOOK_LANES + env.WORKER_CONCURRENCY + 3,
  onIdleError: (e) => log.warn({ err: e }, "database connection dropped"),
});
const secretBox = secretBoxFromBase64(env.APP_ENCRYPTION_KEY);
const batcher = createEventBatcher(db, { onStored: () => events.poke() });
// Events a killed worker had claimed are unlocked with its connection and simply due again: nothing to recover.
const events = startEventProcessor(
  { db, log, webOrigin: env.WEB_ORIGIN },
  { lanes: env.WEBHOOK_LANES, deferWhile: batcher.busy },
);
// With SMTP_URL, emails are delivered; without it they stay in the dev outbox (the app's Outbox page shows them).
const mailer =
  env.SMTP_URL !== undefined && env.MAIL_FROM !== undefined
    ? smtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM })
    : undefined;
const deps: WorkerDeps = {
  db,
  stripeApiBase: env.STRIPE_API_BASE,
  secretBox,
  loadEndpoint: createEndpointCache(db, secretBox),
  webhookBaseUrl: env.WEBHOOK_BASE_URL,
  storeEvent: batcher.store,
  stripeLimiters: createStripeLimiters(),
  webOrigin: env.WEB_ORIGIN,
  ...(mailer && { mailer }),
  now: () => new Date(),
  log,
};

await migrateQueue(env.DATABASE_URL, log);
await publishMailTransport(db, mailer ? "smtp" : "outbox");
// Connections for the webhook store, the processing lanes and secret reads, open before the first request.
await openConnections(db, env.WEBHOOK_LANES + 2);
// Jobs a killed worker held are freed within seconds instead of graphile-worker's 4 hours.
const liveness = startWorkerLiveness({ db, databaseUrl: env.DATABASE_URL, log });
const runner = await startQueue(deps, {
  databaseUrl: env.DATABASE_URL,
  concurrency: env.WORKER_CONCURRENCY,
  events: liveness.events,
});
runner.promise.catch((error: unknown) => {
  // The queue stopped for good (not a single failed job): exit so that whatever runs the worker restarts it.
  log.fatal({ err: error }, "job queue stopped");
  process.exit(1);
});
const server = createWorkerServer(deps);

server.listen(env.WORKER_PORT, () => {
  log.info(`listening on http://localhost:${env.WORKER_PORT} (webhooks at /webhooks/stripe/:tenantId)`);
  log.info(
    mailer
      ? `emails are delivered through the SMTP server in SMTP_URL, from ${env.MAIL_FROM}`
      : "emails stay in the dev outbox (SMTP_URL is not set)",
  );
});

function shutdown() {
  // Stop taking webhooks first, then let running batches and jobs finish (graphile unlocks what it has not started).
  server.close(() => {
    void Promise.all([events.stop(), runner.stop()])
      .then(() => liveness.stop())
      .catch(() => undefined)
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
