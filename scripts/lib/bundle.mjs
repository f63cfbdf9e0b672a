// Bundles the api and the worker with esbuild into folders that run with plain `node`: everything inlined but the
// few packages that cannot be (native code), which are copied beside the bundle with what they depend on, so a
// dist folder needs neither the workspace's node_modules nor tsx. Loaded after installWorkspace() (esbuild).
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { root } from "./proc.mjs";

export const SERVERS = [
  {
    name: "api",
    // The migrations CLI rides with the api: `node dist/migrate.mjs <url>` before the api starts.
    entries: { main: "apps/api/src/main.ts", migrate: "packages/db/src/cli/migrate.ts" },
    // A native addon (a .node file per platform): loaded from dist/node_modules instead of inlined.
    external: ["@node-rs/argon2"],
  },
  { name: "worker", entries: { main: "apps/worker/src/main.ts" }, external: [] },
];

// ESM output, but bundled CommonJS packages still call require() for Node's own modules and read __dirname.
const BANNER = [
  'import { createRequire as __fieldpayRequire } from "node:module";',
  'import { dirname as __fieldpayDirname } from "node:path";',
  'import { fileURLToPath as __fieldpayPath } from "node:url";',
  "const require = __fieldpayRequire(import.meta.url);",
  "const __filename = __fieldpayPath(import.meta.url);",
  "const __dirname = __fieldpayDirname(__filename);",
].join("\n");

/** Where Node would find `name` from `fromDir` (walking up node_modules folders), through pnpm's symlinks. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dir === dirname(dir)) return null;
  }
}

/**
 * Copies `names` and what they depend on into outModules. Optional dependencies that are not installed are the
 * binaries for other platforms (@node-rs/argon2-darwin-arm64 and so on) and are skipped; anything else missing
 * stops the build.
 */
function copyPackages(names, fromDir, outModules, seen = new Set(), optional = new Set()) {
  for (const name of names) {
    if (seen.has(name)) continue;
    const dir = packageDir(name, fromDir);
    if (dir === null) {
      if (optional.has(name)) continue;
      throw new Error(`${name} is not installed (run pnpm install)`);
    }
    seen.add(name);
    cpSync(dir, join(outModules, name), { recursive: true, dereference: true });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const optionalDeps = Object.keys(manifest.optionalDependencies ?? {});
    const deps = [...Object.keys(manifest.dependencies ?? {}), ...optionalDeps];
    copyPackages(deps, dir, outModules, seen, new Set(optionalDeps));
  }
}

/**
 * Writes `<outRoot>/<app>/main.mjs` (and the api's migrate.mjs) with their source maps and native packages.
 * outRoot defaults to the apps themselves (apps/api/dist, apps/worker/dist). Returns each bundle's size in bytes.
 */
export async function bundleServers(outRoot = null) {
  const sizes = {};
  for (const server of SERVERS) {
    const appDir = join(root, "apps", server.name);
    const outDir = outRoot ? join(outRoot, server.name) : join(appDir, "dist");
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    await build({
      absWorkingDir: root,
      entryPoints: Object.entries(server.entries).map(([out, entry]) => ({ in: entry, out })),
      outdir: outDir,
      // .mjs: ESM wherever the folder is copied to, with no package.json beside it to say "type": "module".
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      target: "node20",
      format: "esm",
      sourcemap: "linked",
      // Bundling renames identifiers that clash across packages; logs print error classes' names, so keep those.
      keepNames: true,
      external: [...server.external, "pg-native"],
      banner: { js: BANNER },
      logLevel: "warning",
    });
    copyPackages(server.external, appDir, join(outDir, "node_modules"));
    for (const entry of Object.keys(server.entries)) {
      sizes[`${server.name}/${entry}.mjs`] = statSync(join(outDir, `${entry}.mjs`)).size;
    }
  }
  return sizes;
}
