// `npm run dev`: install, provision PostgreSQL and stripe-mock, migrate, seed, then run every app through turbo.
// Flags: --real-stripe leaves STRIPE_API_BASE unset so the apps talk to api.stripe.com with the tenants' keys.
import { ensureDevEnvFile } from "./lib/env-file.mjs";
import { installWorkspace, pnpmEnv } from "./lib/install.mjs";
import { log, provisioned, root, run, start, waitForHealth, waitForPort } from "./lib/proc.mjs";

const realStripe = process.argv.includes("--real-stripe");
const RELAY_URL = "http://localhost:3002";

const { appEnv, postgres, stripeMock } = await provisioned(async (started) => {
  installWorkspace();
  // Loaded only now: they need the workspace's packages (pg), which the line above installs on a fresh machine.
  const { migrate } = await import("./lib/database.mjs");
  const { ensureDatabase, startPostgres, startStripeMock } = await import("./lib/services.mjs");
  const fileEnv = ensureDevEnvFile();
  const postgres = await startPostgres();
  started.push(postgres.stop);
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(postgres.adminUrl, "fieldpay"));
  const stripeMock = realStripe ? null : await startStripeMock();
  if (stripeMock) started.push(stripeMock.stop);
  migrate(databaseUrl);
  const appEnv = {
    ...pnpmEnv,
    ...fileEnv,
    DATABASE_URL: databaseUrl,
    // Against stripe-mock only: the dev relay (apps/worker/src/dev-relay) plays Stripe's part, and the web dev
    // server serves the Stripe.js stand-in that reports to it.
    ...(stripeMock ? { STRIPE_API_BASE: stripeMock.base, DEV_STRIPE_RELAY_URL: RELAY_URL } : {}),
  };
  if (realStripe) {
    delete appEnv.STRIPE_API_BASE;
    delete appEnv.DEV_STRIPE_RELAY_URL;
  }
  const seedScript = "apps/api/src/cli/seed.ts";
  if (run("node_modules/.bin/tsx", [seedScript], { env: appEnv }) !== 0)
    log("seed", "seeding failed; see above");
  return { appEnv, postgres, stripeMock };
});

// Its own process group, so that stopping reaches turbo and its tasks however this script is stopped: Ctrl-C in a
// terminal, or SIGTERM/SIGINT from a tool that started `npm run dev` (in one group, signalGroup found no group).
const turbo = start("node_modules/.bin/turbo", ["run", "dev", "--ui=stream", "--log-prefix=task"], {
  env: appEnv,
  cwd: root,
  detached: true,
});

const relay = stripeMock
  ? start("node_modules/.bin/tsx", ["apps/worker/src/dev-relay/main.ts"], {
      env: { ...appEnv, WORKER_URL: "http://localhost:3001" },
      cwd: root,
    })
  : null;
if (!stripeMock) log("fieldpay", "real Stripe: no dev relay; Stripe itself sends the webhooks (see README)");

async function announce() {
  const [web, api, worker] = await Promise.all([
    waitForPort(5173, 120_000),
    waitForHealth("http://localhost:3000/healthz"),
    waitForHealth("http://localhost:3001/healthz"),
  ]);
  if (web && api && worker) {
    log(
      "fieldpay",
      `everything is up: web http://localhost:5173 · api http://localhost:3000 · worker http://localhost:3001 · ` +
        `stripe ${stripeMock ? stripeMock.base : "api.stripe.com (real)"} · Ctrl-C stops it all`,
    );
  } else {
    log("fieldpay", `not everything came up (web ${web}, api ${api}, worker ${worker}); see the logs above`);
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log("fieldpay", "stopping…");
  if (turbo.exitCode === null) {
    const exited = new Promise((resolve) => turbo.once("exit", resolve));
    signalGroup(turbo.pid, "SIGINT");
    const timer = setTimeout(() => signalGroup(turbo.pid, "SIGKILL"), 8000);
    await exited;
    clearTimeout(timer);
  }
  if (relay && relay.exitCode === null) {
    const gone = new Promise((resolve) => relay.once("exit", resolve));
    relay.kill("SIGTERM");
    await gone;
  }
  await stripeMock?.stop();
  await postgres.stop();
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
turbo.on("exit", (code) => void stopAll(code ?? 1));
void announce();
