// `npm start`: runs what `npm run build` made, the way production runs it: migrations first, then the worker and
// the api with plain `node` and NODE_ENV=production (Secure cookies, an https WEB_ORIGIN but for localhost), the
// SPA served by the api on its own origin, and no dev relay. Nothing is provisioned: no embedded PostgreSQL and
// no stripe-mock, so DATABASE_URL and APP_ENCRYPTION_KEY must come from the environment (Stripe is the real one
// unless STRIPE_API_BASE says otherwise). API_PORT and WORKER_PORT choose the ports (3000, 3001).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fail, log, provisioned, root, run, start, waitForHealth } from "./lib/proc.mjs";

const built = {
  api: join(root, "apps", "api", "dist", "main.mjs"),
  migrate: join(root, "apps", "api", "dist", "migrate.mjs"),
  worker: join(root, "apps", "worker", "dist", "main.mjs"),
  web: join(root, "apps", "web", "dist", "index.html"),
};

const NEW_KEY = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`;

function productionEnv() {
  const { DATABASE_URL, APP_ENCRYPTION_KEY } = process.env;
  if (!DATABASE_URL)
    fail(
      "start",
      "DATABASE_URL is not set: npm start runs no PostgreSQL of its own; point it at yours, such as " +
        "DATABASE_URL=postgres://fieldpay:…@db.internal:5432/fieldpay",
    );
  if (!APP_ENCRYPTION_KEY)
    fail(
      "start",
      "APP_ENCRYPTION_KEY is not set: the 32-byte base64 key that seals the Stripe secrets; use the one the " +
        `database's secrets were sealed with (a new one, for a new database: ${NEW_KEY})`,
    );
  const missing = Object.values(built).filter((path) => !existsSync(path));
  if (missing.length > 0)
    fail("start", `nothing built yet (${missing[0]} is missing): run npm run build first`);
  const apiPort = process.env.API_PORT ?? "3000";
  const workerPort = process.env.WORKER_PORT ?? "3001";
  // The dev relay plays Stripe in `npm run dev` only; its URL means nothing here.
  const { DEV_STRIPE_RELAY_URL: _devOnly, ...env } = process.env;
  const defaults = {
    WEB_ORIGIN: `http://localhost:${apiPort}`,
    WEBHOOK_BASE_URL: `http://localhost:${workerPort}`,
  };
  for (const [name, value] of Object.entries(defaults)) {
    if (env[name]) continue;
    log(
      "start",
      `${name} is not set: ${value}, for trying the build here (set it to the public https:// address)`,
    );
    env[name] = value;
  }
  if (env.STRIPE_API_BASE)
    log("start", `STRIPE_API_BASE is set: the apps call ${env.STRIPE_API_BASE}, not Stripe`);
  return { ...env, NODE_ENV: "production", API_PORT: apiPort, WORKER_PORT: workerPort, DATABASE_URL };
}

const env = await provisioned(async () => {
  const env = productionEnv();
  // Before either app starts, so neither ever sees an older schema; the worker installs its job queue itself.
  if (run(process.execPath, [built.migrate, env.DATABASE_URL], { env }) !== 0)
    fail("start", "migrations failed; see above (nothing was started)");
  return env;
});

const node = (script, extra = {}) =>
  start(process.execPath, ["--enable-source-maps", script], { env: { ...env, ...extra } });
const children = [node(built.worker), node(built.api, { WEB_DIST_DIR: join(root, "apps", "web", "dist") })];

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    ),
  );
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
// One of them stopping is a failure of the whole: stop the other too, so whatever supervises this restarts both.
for (const child of children) child.on("exit", (code) => void stopAll(code || 1));

const [api, worker] = await Promise.all([
  waitForHealth(`http://127.0.0.1:${env.API_PORT}/healthz`, 60_000),
  waitForHealth(`http://127.0.0.1:${env.WORKER_PORT}/healthz`, 60_000),
]);
log(
  "fieldpay",
  api && worker
    ? `production build up: web + api ${env.WEB_ORIGIN} (port ${env.API_PORT}) · worker port ${env.WORKER_PORT} · Ctrl-C stops both`
    : `not healthy yet (api ${api}, worker ${worker}): see /healthz on each and the logs above`,
);
