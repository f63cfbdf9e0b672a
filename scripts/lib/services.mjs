// Provisions what the stack needs: PostgreSQL (embedded under .data/ unless DATABASE_URL is set) and stripe-mock.
import { existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { capture, fail, log, portOpen, root, run, start, waitForPort, which } from "./proc.mjs";

// FIELDPAY_PG_PORT lets a second checkout run its own cluster beside a running one.
export const PG_PORT = Number(process.env.FIELDPAY_PG_PORT ?? 54329);
export const STRIPE_MOCK_PORT = 12111;
const STRIPE_MOCK_VERSION = "v0.197.0";

/** Starts (or reuses) PostgreSQL once it accepts connections; returns { adminUrl, stop }. */
export async function startPostgres() {
  if (process.env.DATABASE_URL) {
    log("postgres", "using DATABASE_URL");
    return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  }
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/postgres`;
  if (await portOpen(PG_PORT)) {
    // It may still be starting or recovering (57P03): the port opens before PostgreSQL takes connections.
    const problem = await waitForPostgres(adminUrl, 60_000);
    if (problem)
      fail(
        "postgres",
        `something listens on :${PG_PORT} but does not take fieldpay's connections (${problem}); stop it, or set FIELDPAY_PG_PORT to another port`,
      );
    log("postgres", `reusing the PostgreSQL already running on :${PG_PORT}`);
    return { adminUrl, stop: async () => {} };
  }
  const databaseDir = join(root, ".data", "postgres");
  if (!existsSync(join(databaseDir, "PG_VERSION")))
    log("postgres", "initialising a new cluster in .data/postgres");
  // Its own process group: Ctrl-C reaches the apps first, and the cluster stops only after they have.
  const child = start("node", ["scripts/postgres-server.mjs", databaseDir, String(PG_PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once("exit", () => resolve("it exited; see above")));
  const problem = await Promise.race([waitForPostgres(adminUrl, 60_000), exited]);
  if (problem) {
    await stopChild(child);
    fail("postgres", `PostgreSQL did not start within 60 s: ${problem} (its log: .data/postgres.log)`);
  }
  log("postgres", `PostgreSQL ready on :${PG_PORT}`);
  return { adminUrl, stop: () => stopChild(child) };
}

/** Waits until PostgreSQL answers a query; returns null then, or the last reason it did not. */
export async function waitForPostgres(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let reason = "no answer";
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return null;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return reason;
}

/** SIGTERM, then waits (bounded) for the process to be gone. */
export function stopChild(child, timeoutMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Creates the database when it is missing; returns its URL. */
export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function findStripeMock() {
  const onPath = which("stripe-mock");
  if (onPath) return onPath;
  const gopath = capture("go", ["env", "GOPATH"]);
  const candidate = gopath ? join(gopath, "bin", "stripe-mock") : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** Starts (or reuses) stripe-mock on :12111, installing it through Go when no binary is found. */
export async function startStripeMock() {
  const base = `http://localhost:${STRIPE_MOCK_PORT}`;
  if (await portOpen(STRIPE_MOCK_PORT)) {
    log("stripe-mock", `reusing the stripe-mock already on :${STRIPE_MOCK_PORT}`);
    return { base, stop: async () => {} };
  }
  let binary = findStripeMock();
  if (!binary) {
    if (!which("go"))
      fail("stripe-mock", "no stripe-mock binary and no Go toolchain: see README, 'stripe-mock'");
    log("stripe-mock", `installing stripe-mock ${STRIPE_MOCK_VERSION} with go install`);
    const code = run("go", ["install", `github.com/stripe/stripe-mock@${STRIPE_MOCK_VERSION}`]);
    if (code !== 0) fail("stripe-mock", "go install failed; see the output above");
    binary = findStripeMock();
    if (!binary)
      fail("stripe-mock", "go install finished but the binary was not found in $(go env GOPATH)/bin");
  }
  const child = start(binary, ["-http-port", String(STRIPE_MOCK_PORT)], { stdio: "ignore", detached: true });
  if (!(await waitForPort(STRIPE_MOCK_PORT, 30_000)))
    fail("stripe-mock", "stripe-mock did not start within 30 s");
  log("stripe-mock", `stripe-mock ready on :${STRIPE_MOCK_PORT}`);
  return {
    base,
    stop: () => stopChild(child),
  };
}

/** Makes sure Debian's Chromium is installed (browser tests drive it through playwright-core). */
export function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  log("chromium", "installing Debian's chromium package (browser tests)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (
    run("apt-get", ["update", "-qq"], { env }) !== 0 ||
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env }) !== 0
  ) {
    fail(
      "chromium",
      "could not install chromium with apt-get (are you root on Debian?); install it and rerun",
    );
  }
  return "/usr/bin/chromium";
}
