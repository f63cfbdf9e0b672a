// The production build, made by `npm run build`'s own script into a folder of the test's, and its processes
// started the way `npm start` and the Dockerfile start them: plain `node` on the bundles, NODE_ENV=production.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { freePort, repoRoot, startChild, waitFor } from "./harness.ts";

export interface Build {
  dir: string;
  remove: () => void;
}

/** Runs scripts/build.mjs into a fresh temporary folder (<dir>/web, <dir>/api, <dir>/worker). */
export function buildInto(options: { serversOnly?: boolean } = {}): Build {
  const dir = mkdtempSync(join(tmpdir(), "fieldpay-build-"));
  const args = ["scripts/build.mjs", "--out-dir", dir, ...(options.serversOnly ? ["--servers-only"] : [])];
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(`the build failed (${result.status}):\n${result.stdout}${result.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Started {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

function stopper(child: ReturnType<typeof startChild>["child"]) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

/** Shared by every process of one deployment: the database, the key that opens its secrets, stripe-mock. */
export interface Deployment {
  databaseUrl: string;
  encryptionKey: string;
}

async function startBundle(
  build: Build,
  app: "api" | "worker",
  port: number,
  deployment: Deployment,
  env: Record<string, string>,
): Promise<Started> {
  const child = startChild(
    process.execPath,
    ["--enable-source-maps", join(build.dir, app, "main.mjs")],
    build.dir,
    {
      NODE_ENV: "production",
      DATABASE_URL: deployment.databaseUrl,
      APP_ENCRYPTION_KEY: deployment.encryptionKey,
      STRIPE_API_BASE: inject("stripeApiBase"),
      [app === "api" ? "API_PORT" : "WORKER_PORT"]: String(port),
      ...env,
    },
  );
  const url = `http://localhost:${port}`;
  const stop = stopper(child.child);
  try {
    await waitFor(`${url}/healthz`, child.child, app, child.output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: child.output, stop };
}

/** The worker bundle (it installs the job queue itself, as it does in production). */
export async function startBuiltWorker(
  build: Build,
  deployment: Deployment,
  env: Record<string, string> = {},
) {
  return startBundle(build, "worker", await freePort(), deployment, env);
}

/**
 * The api bundle on a free port. Its WEB_ORIGIN is its own URL unless `env` says otherwise (one origin for the
 * SPA and the api, as in production); pass WEB_DIST_DIR to have it serve a built SPA.
 */
export async function startBuiltApi(build: Build, deployment: Deployment, env: Record<string, string> = {}) {
  const port = await freePort();
  return startBundle(build, "api", port, deployment, {
    WEB_ORIGIN: `http://localhost:${port}`,
    ...env,
  });
}

/** The bundled migrations CLI, as `npm start` runs it before the apps. */
export function migrateWithBuild(build: Build, databaseUrl: string): string {
  const result = spawnSync(process.execPath, [join(build.dir, "api", "migrate.mjs"), databaseUrl], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`migrate.mjs failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}
