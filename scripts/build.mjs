// `npm run build`: the production build. The web app with Vite into apps/web/dist; the api (with the migrations
// CLI) and the worker bundled with esbuild into apps/api/dist and apps/worker/dist, which run with plain `node`
// (scripts/lib/bundle.mjs). Nothing here type-checks: `npm test` does.
// Flags: --servers-only skips the web app; --out-dir <dir> writes everything to <dir>/web, <dir>/api and
// <dir>/worker instead (the tests build into a folder of their own).
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { installWorkspace, pnpmEnv } from "./lib/install.mjs";
import { fail, log, provisioned, root, run } from "./lib/proc.mjs";

const args = process.argv.slice(2);
const serversOnly = args.includes("--servers-only");
const outFlag = args.indexOf("--out-dir");

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function folderSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return total;
}

await provisioned(async () => {
  const started = Date.now();
  if (outFlag !== -1 && !args[outFlag + 1]) fail("build", "--out-dir needs a folder");
  const outDir = outFlag === -1 ? null : resolve(args[outFlag + 1]);
  installWorkspace();
  if (!serversOnly) {
    const webStarted = Date.now();
    const web = join(root, "apps", "web");
    const webOut = outDir ? join(outDir, "web") : join(web, "dist");
    // A build never holds the dev relay's stand-in (the plugin only serves); its URL stays out all the same.
    // NODE_ENV is pinned: Vite builds React's development version for whatever NODE_ENV the caller had (a test
    // runner's "test" made the app half again as big).
    const { DEV_STRIPE_RELAY_URL: _devOnly, ...inherited } = pnpmEnv;
    const env = { ...inherited, NODE_ENV: "production" };
    const vite = join(web, "node_modules", ".bin", "vite");
    const viteArgs = ["build", "--logLevel", "warn", "--outDir", webOut, "--emptyOutDir"];
    if (run(vite, viteArgs, { cwd: web, env }) !== 0) fail("build", "the web build failed; see above");
    log("build", `web: ${webOut}, ${kb(folderSize(webOut))} in ${seconds(webStarted)}`);
  }
  const serversStarted = Date.now();
  // Loaded only now: esbuild is one of the workspace's packages, which installWorkspace() installs.
  const { bundleServers } = await import("./lib/bundle.mjs");
  const sizes = await bundleServers(outDir);
  const listed = Object.entries(sizes).map(([file, bytes]) => `${file} ${kb(bytes)}`);
  log("build", `api and worker: ${listed.join(", ")} in ${seconds(serversStarted)}`);
  log("build", `done in ${seconds(started)}; npm start runs it`);
});
