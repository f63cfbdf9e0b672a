// Starts the real api (tsx) and the real Vite dev server as child processes on free ports, and Debian Chromium.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const artifactsDir = fileURLToPath(new URL("../test-artifacts", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(
  url: string,
  child: ChildProcess,
  name: string,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer ${url} within 60 s:\n${output()}`);
}

export function startChild(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return { child, output: () => output };
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  /** Stops the worker alone (a no-op without one): what the pages show when no worker takes jobs. */
  stopWorker: () => Promise<void>;
  /** What the worker printed so far ("" without one): its log says why an email was not delivered. */
  workerOutput: () => string;
  stop: () => Promise<void>;
}

export async function startStack(databaseUrl: string, options: StackOptions = {}): Promise<Stack> {
  const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
  const webUrl = `http://localhost:${webPort}`;
  // One key for the api and the worker: the worker opens the Stripe secrets the api sealed.
  const encryptionKey = randomBytes(32).toString("base64");
  if (options.devStripe) await seedDemo(databaseUrl, encryptionKey);
  const worker =
    options.worker || options.devStripe || options.workerEnv
      ? await startWorker(databaseUrl, encryptionKey, { WEB_ORIGIN: webUrl, ...options.workerEnv })
      : null;
  // As `npm run dev` against stripe-mock: the dev relay plays Stripe, the dev server serves Stripe.js's stand-in.
  const relay =
    options.devStripe && worker ? await startDevRelay(databaseUrl, encryptionKey, worker.url) : null;
  const api = startChild("node_modules/.bin/tsx", ["src/main.ts"], `${repoRoot}/apps/api`, {
    DATABASE_URL: databaseUrl,
    STRIPE_API_BASE: inject("stripeApiBase"),
    APP_ENCRYPTION_KEY: encryptionKey,
    API_PORT: String(apiPort),
    WEB_ORIGIN: webUrl,
    ...options.apiEnv,
  });
  const web = startChild("node_modules/.bin/vite", ["--host", "localhost"], `${repoRoot}/apps/web`, {
    API_URL: `http://127.0.0.1:${apiPort}`,
    WEB_PORT: String(webPort),
    ...(relay && { DEV_STRIPE_RELAY_URL: relay.url }),
  });
  const stop = async () => {
    for (const { child } of [api, web]) child.kill("SIGTERM");
    relay?.child.kill("SIGTERM");
    worker?.child.kill("SIGTERM");
  };
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/healthz`, api.child, "api", api.output);
    await waitFor(webUrl, web.child, "vite", web.output);
  } catch (error) {
    await stop();
    throw error;
  }
  const stopWorker = () =>
    new Promise<void>((resolve) => {
      if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
      worker.child.once("exit", () => resolve());
      worker.child.kill("SIGTERM");
    });
  const workerOutput = () => worker?.output() ?? "";
  return { webUrl, apiUrl: `http://127.0.0.1:${apiPort}`, stopWorker, workerOutput, stop };
}

export interface StackOptions {
  /** Also run the worker (webhooks, job queue, payout checks, health reports) against the same database. */
  worker?: boolean;
  /**
   * `npm run dev`'s configuration against stripe-mock: the demo businesses seeded, the worker, the dev relay and
   * the dev server's Stripe.js stand-in (no page.route needed).
   */
  devStripe?: boolean;
  /** More environment for the api. */
  apiEnv?: Record<string, string>;
  /** More environment for the worker (SMTP_URL and MAIL_FROM, say); runs the worker. */
  workerEnv?: Record<string, string>;
}

/** The real worker, started (and its job queue installed) before the api, so the api can queue jobs. */
async function startWorker(
  databaseUrl: string,
  encryptionKey: string,
  extraEnv: Record<string, string> = {},
) {
  const port = await freePort();
  const worker = startChild("node_modules/.bin/tsx", ["src/main.ts"], `${repoRoot}/apps/worker`, {
    DATABASE_URL: databaseUrl,
    STRIPE_API_BASE: inject("stripeApiBase"),
    APP_ENCRYPTION_KEY: encryptionKey,
    WORKER_PORT: String(port),
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/healthz`, worker.child, "worker", worker.output);
  } catch (error) {
    worker.child.kill("SIGTERM");
    throw error;
  }
  return { ...worker, url };
}

/** The demo businesses, seeded by the same script `npm run dev` runs. */
async function seedDemo(databaseUrl: string, encryptionKey: string) {
  const seed = startChild("node_modules/.bin/tsx", ["src/cli/seed.ts"], `${repoRoot}/apps/api`, {
    DATABASE_URL: databaseUrl,
    STRIPE_API_BASE: inject("stripeApiBase"),
    APP_ENCRYPTION_KEY: encryptionKey,
  });
  const code = await new Promise<number | null>((resolve) => seed.child.once("exit", resolve));
  if (code !== 0) throw new Error(`the demo seed failed (${code}):\n${seed.output()}`);
}

/** The dev relay (apps/worker/src/dev-relay), as `npm run dev` starts it against stripe-mock. */
async function startDevRelay(databaseUrl: string, encryptionKey: string, workerUrl: string) {
  const port = await freePort();
  const relay = startChild("node_modules/.bin/tsx", ["src/dev-relay/main.ts"], `${repoRoot}/apps/worker`, {
    DATABASE_URL: databaseUrl,
    STRIPE_API_BASE: inject("stripeApiBase"),
    APP_ENCRYPTION_KEY: encryptionKey,
    WORKER_URL: workerUrl,
    DEV_RELAY_PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, relay.child, "dev relay", relay.output);
  return { ...relay, url };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: inject("chromiumPath"),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The usual frame of a browser test file: its own database, the real api and Vite, and Chromium, started
 * before the tests and stopped after them. Read `.stack`, `.browser` and `.db` inside the tests.
 */
export function useBrowserStack(options: StackOptions = {}) {
  const env = {} as { stack: Stack; browser: Browser; db: TestDatabase };
  beforeAll(async () => {
    env.db = await createTestDatabase();
    [env.stack, env.browser] = await Promise.all([startStack(env.db.url, options), launchChromium()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.stop();
    await env.db?.drop();
  });
  return env;
}
