// What the dev server may read (`/@fs/…`) and watch. Vite's default opens the whole workspace root, and that
// holds `.data/`: the PostgreSQL cluster, whose write-ahead log carries freshly emailed invitation and reset links
// (an account takeover for anyone who reaches the port), and whose files, once Vite has loaded one, reloaded
// every open tab on each database write.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePath, type ServerOptions } from "vite";

// resolve() drops the trailing slash a folder URL keeps, which would make every `${repoRoot}/…` below miss.
const fromHere = (relative: string) =>
  normalizePath(resolve(fileURLToPath(new URL(relative, import.meta.url))));
const repoRoot = fromHere("../..");

// The one part of packages/payments the browser shares: currency decimals and formatting, which import nothing.
const sharedMoney = `${repoRoot}/packages/payments/src/money`;

/**
 * Only what the SPA is built from: its own folder, the `@fieldpay/ui` sources, the shared money modules, and
 * pnpm's store (`.pnpm`).
 */
const allowed = [fromHere("."), `${repoRoot}/packages/ui`, sharedMoney, `${repoRoot}/node_modules`];

/**
 * Never served nor watched, even if an import resolves there: Vite serves any resolved module outside `allow`,
 * but `deny` wins over that. The SPA takes only types from apps/api, and those erase before the browser.
 */
const offLimits = [".data", "apps/api", "apps/worker", "packages/db", "packages/payments"].map(
  (dir) => `${repoRoot}/${dir}`,
);

// Setting `deny` replaces Vite's own list, so that list comes first, unchanged.
const viteDefaultDeny = [
  ".env",
  ".env.*",
  "*.{crt,pem,key,p12,pfx,cer,der}",
  ".npmrc",
  ".yarnrc.yml",
  "**/.git/**",
];

// `deny` entries are picomatch globs: a checkout path such as `~/work (old)/fieldpay` must match literally.
const escapeGlob = (path: string) => path.replace(/[*?[\]{}()!+@]/g, "\\$&");

const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const isOffLimits = (file: string) => {
  const path = normalizePath(file);
  return !within(path, sharedMoney) && offLimits.some((dir) => within(path, dir));
};

/**
 * Deny globs for the off-limits folders. packages/payments is denied all but src/money: its top-level files, the
 * files directly in src/ (a `*` stops at a slash) and every other folder under it.
 */
function denyGlobs(): string[] {
  const payments = `${repoRoot}/packages/payments`;
  const whole = offLimits.filter((dir) => dir !== payments).map((dir) => `${escapeGlob(dir)}/**`);
  const p = escapeGlob(payments);
  return [...whole, `${p}/*`, `${p}/!(src)/**`, `${p}/src/*`, `${p}/src/!(money)/**`];
}

export function devServerFs(): Pick<ServerOptions, "fs" | "watch"> {
  return {
    fs: {
      strict: true,
      allow: allowed,
      // `.env*` (no slash) matches in every folder, `.envrc` included.
      deny: [...viteDefaultDeny, ".env*", ...denyGlobs()],
    },
    // Vite adds every file it loads from outside apps/web to its watcher; these must never cause a reload.
    watch: { ignored: [isOffLimits] },
  };
}
