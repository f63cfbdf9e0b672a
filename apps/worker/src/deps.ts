import type { Db } from "@fieldpay/db/client";
import type { ReceivedEvent } from "@fieldpay/db/repositories/webhook-events";
import type { SecretBox } from "@fieldpay/db/secret-box";
import type { Logger } from "pino";
import type { Mailer } from "./mail/mailer.ts";
import type { StripeLimiters } from "./stripe/limiters.ts";
import type { LoadEndpoint } from "./webhooks/endpoint-cache.ts";

/** What the worker's server and jobs are built from; made once in main.ts, or per test. */
export interface WorkerDeps {
  db: Db;
  /** e.g. http://localhost:12111 for stripe-mock; undefined means the real Stripe API. */
  stripeApiBase: string | undefined;
  /** Opens the tenants' sealed Stripe secrets (keys and webhook signing secrets). */
  secretBox: SecretBox;
  /** Where Stripe reaches this worker, for the webhook URLs shown in health reports. */
  webhookBaseUrl: string;
  /** How a verified webhook event is stored and queued; main.ts batches them (event-batcher.ts). */
  storeEvent?: (event: ReceivedEvent) => Promise<boolean>;
  /** A business's settings and opened webhook secrets; main.ts keeps them a few seconds (endpoint-cache.ts). */
  loadEndpoint?: LoadEndpoint;
  /** One Stripe rate limiter per business in this process, shared by all its running jobs (stripe/limiters.ts). */
  stripeLimiters: StripeLimiters;
  /** SMTP when SMTP_URL is set; otherwise emails are delivered to the dev outbox (their rows, and the log). */
  mailer?: Mailer;
  /** The web app's origin, for links in the emails jobs write (WEB_ORIGIN). */
  webOrigin: string;
  /** The clock of the jobs; tests pin it. */
  now: () => Date;
  /** The worker's logger (@fieldpay/payments/log); requests, jobs and webhook batches log through children of it. */
  log: Logger;
}
