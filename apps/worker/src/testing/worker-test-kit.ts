// Test helpers for the worker: a migrated database with the job queue installed, a business with sealed Stripe
// secrets, and Stripe events signed exactly as Stripe signs them (stripe.webhooks.generateTestHeaderString).
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Db } from "@fieldpay/db/client";
import { savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { insertTenant } from "@fieldpay/db/repositories/tenants";
import { insertUser } from "@fieldpay/db/repositories/users";
import type { FieldworkerAccountStatus, PaymentMode } from "@fieldpay/db/schema";
import { createSecretBox, type SecretBox } from "@fieldpay/db/secret-box";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import { quietLog } from "@fieldpay/payments/testing/log-capture";
import { signWebhookPayload } from "@fieldpay/payments/webhooks";
import { afterAll, beforeAll, inject } from "vitest";
import type { WorkerDeps } from "../deps.ts";
import { processDueEvents } from "../jobs/process-due-events.ts";
import { drainQueue, migrateQueue } from "../queue/queue.ts";
import { createWorkerServer } from "../server.ts";
import { createStripeLimiters } from "../stripe/limiters.ts";

export const SECRET_KEY = "sk_test_fieldpayFake1234";
export const WEBHOOK_SECRET = "whsec_fieldpayFakeOne1";
export const CONNECT_SECRET = "whsec_fieldpayFakeTwo2";
export const OLD_SECRET = "whsec_fieldpayFakeOld3";
export const WEB_ORIGIN = "https://app.fieldpay.test";

export interface WorkerTestKit {
  t: TestDatabase;
  deps: WorkerDeps;
  encryptionKey: string;
  /** Applies every due webhook event, then runs every due job (which may have been asked for by an event). */
  drain: () => Promise<void>;
}

/** Applies due webhook events until none is left, as the worker's processing loop would. */
export async function drainEvents(
  deps: Pick<WorkerDeps, "db" | "log" | "webOrigin">,
  batchSize = 50,
): Promise<void> {
  while ((await processDueEvents(deps, { limit: batchSize })).claimed === batchSize) {}
}

export async function workerTestKit(
  options: { stripeApiBase?: string; now?: () => Date } = {},
): Promise<WorkerTestKit> {
  const t = await createTestDatabase();
  await migrateQueue(t.url, quietLog("worker"));
  const key = randomBytes(32);
  const deps: WorkerDeps = {
    db: t.db,
    stripeApiBase: options.stripeApiBase ?? inject("stripeApiBase"),
    secretBox: createSecretBox({ 1: key }, 1),
    webhookBaseUrl: "https://hooks.fieldpay.test",
    stripeLimiters: createStripeLimiters(),
    webOrigin: WEB_ORIGIN,
    now: options.now ?? (() => new Date()),
    // Tests that read the log put a captureLog() here.
    log: quietLog("worker"),
  };
  const drain = async () => {
    await drainEvents(deps);
    await drainQueue(deps, t.url);
  };
  return { t, deps, encryptionKey: key.toString("base64"), drain };
}

export interface BusinessOptions {
  mode?: PaymentMode;
  keyMode?: "test" | "live";
  webhookSecret?: string | null;
  previousWebhookSecret?: string | null;
  connectSecret?: string | null;
  stripeAccountId?: string;
}

/** A business with saved payment settings (as the api saves them, secrets sealed). */
export async function seedBusiness(db: Db, box: SecretBox, options: BusinessOptions = {}) {
  const slug = `biz-${randomUUID().slice(0, 8)}`;
  const tenant = await insertTenant(db, { slug, name: `Business ${slug}` });
  const seal = (value: string | null | undefined, kind: Parameters<SecretBox["seal"]>[2]) =>
    value ? box.seal(value, tenant.id, kind) : null;
  const keyMode = options.keyMode ?? "test";
  await savePaymentSettings(
    db,
    testPaymentSettings({
      tenant_id: tenant.id,
      mode: options.mode ?? "connect",
      publishable_key: `pk_${keyMode}_fieldpayFake5678`,
      secret_key_sealed: box.seal(
        keyMode === "live" ? "sk_live_fieldpayFake1234" : SECRET_KEY,
        tenant.id,
        "stripe_secret_key",
      ),
      key_mode: keyMode,
      stripe_account_id: options.stripeAccountId ?? "acct_business",
      webhook_secret_sealed: seal(
        options.webhookSecret === undefined ? WEBHOOK_SECRET : options.webhookSecret,
        "webhook_secret",
      ),
      webhook_secret_previous_sealed: seal(options.previousWebhookSecret, "webhook_secret_previous"),
      webhook_secret_hint: "whsec_…One1",
      connect_webhook_secret_sealed: seal(
        options.connectSecret === undefined ? CONNECT_SECRET : options.connectSecret,
        "connect_webhook_secret",
      ),
      commission_bps: 1000,
    }),
  );
  return { tenantId: tenant.id, slug };
}

export async function seedFieldworker(
  db: Db,
  tenantId: string,
  options: {
    name?: string;
    stripeAccountId?: string | null;
    status?: FieldworkerAccountStatus;
    requirements?: Record<string, unknown>;
  } = {},
) {
  const user = await insertUser(db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: `fw-${randomUUID().slice(0, 8)}@example.test`,
    name: options.name ?? "Wes Worker",
    password_hash: null,
  });
  const stripeAccountId =
    options.stripeAccountId === undefined ? `acct_fw${randomUUID().slice(0, 8)}` : options.stripeAccountId;
  await db
    .insertInto("fieldworker_accounts")
    .values({
      user_id: user.id,
      tenant_id: tenantId,
      stripe_account_id: stripeAccountId,
      account_type: "express",
      status: options.status ?? "onboarding_incomplete",
      requirements: JSON.stringify(options.requirements ?? {}),
      capabilities: "{}",
    })
    .execute();
  return { userId: user.id, stripeAccountId, name: user.name };
}

let sequence = 0;

/** A Stripe event as Stripe sends it. `created` is seconds since 1970. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; created?: number; account?: string; livemode?: boolean } = {},
) {
  sequence += 1;
  return {
    id: options.id ?? `evt_test_${randomUUID().replaceAll("-", "").slice(0, 16)}${sequence}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: options.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(options.account && { account: options.account }),
    data: { object },
  };
}

/** The body and the Stripe-Signature header Stripe would send. */
export function signed(event: unknown, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  return signedRaw(JSON.stringify(event), secret, timestamp);
}

/** Any body, signed: for bodies that are not events at all. */
export function signedRaw(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  return { payload, header: signWebhookPayload(payload, secret, timestamp) };
}

export async function listenWorker(deps: WorkerDeps) {
  const server = createWorkerServer(deps);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    post: async (path: string, body: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Posts a signed event to a business's endpoint. */
export function deliver(
  worker: Pick<Awaited<ReturnType<typeof listenWorker>>, "post">,
  tenantId: string,
  event: unknown,
  options: { secret?: string; connect?: boolean; timestamp?: number } = {},
) {
  const secret = options.secret ?? (options.connect ? CONNECT_SECRET : WEBHOOK_SECRET);
  const { payload, header } = signed(event, secret, options.timestamp);
  return worker.post(`/webhooks/stripe/${tenantId}${options.connect ? "/connect" : ""}`, payload, {
    "stripe-signature": header,
  });
}

/**
 * The usual frame of a worker test file: its own database with the queue, a listening worker and one business,
 * made before the tests and dropped after them. Read `.kit`, `.worker` and `.tenantId` inside the tests.
 */
export function useWorkerBusiness(withDeps: (kit: WorkerTestKit) => WorkerDeps = (kit) => kit.deps) {
  const env = {} as {
    kit: WorkerTestKit;
    worker: Awaited<ReturnType<typeof listenWorker>>;
    tenantId: string;
  };
  beforeAll(async () => {
    env.kit = await workerTestKit();
    env.worker = await listenWorker(withDeps(env.kit));
    ({ tenantId: env.tenantId } = await seedBusiness(env.kit.t.db, env.kit.deps.secretBox));
  });
  afterAll(async () => {
    await env.worker?.close();
    await env.kit?.t.drop();
  });
  return env;
}
