// Installs pnpm (through corepack, pinned in package.json) and the workspace, skipping work already done.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { capture, fail, log, root, run } from "./proc.mjs";

const PNPM_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split(
  "@",
)[1];

// corepack keeps the pnpm it downloads in the project, not in HOME: turbo starts its tasks with a filtered
// environment (no HOME, no CA settings), and there they must find the same pnpm without downloading it again.
const corepackEnv = {
  COREPACK_HOME: join(root, ".data", "corepack"),
  COREPACK_INTEGRITY_KEYS: "0",
  COREPACK_ENABLE_DOWNLOAD_PROMPT: "0",
};

// turbo (and anything else that looks for `pnpm` on PATH) finds this one: a fresh machine has no pnpm but the
// corepack that ships with Node, and nobody should have to run `corepack enable` by hand.
const shimDir = join(root, ".data", "bin");
function writePnpmShim() {
  mkdirSync(shimDir, { recursive: true });
  const shim = join(shimDir, "pnpm");
  const env = Object.entries(corepackEnv).map(([name, value]) => `${name}='${value}'`);
  const body = `#!/bin/sh\n# written by scripts/lib/install.mjs: the pnpm pinned in package.json, through corepack\nexport ${env.join(" ")}\nexec corepack pnpm "$@"\n`;
  if (!existsSync(shim) || readFileSync(shim, "utf8") !== body) writeFileSync(shim, body);
  chmodSync(shim, 0o755);
}
writePnpmShim();

export const pnpmEnv = {
  ...process.env,
  ...corepackEnv,
  PATH: [shimDir, join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter),
  TURBO_TELEMETRY_DISABLED: "1",
};

export function pnpm(args, options = {}) {
  return run("pnpm", args, { env: pnpmEnv, ...options });
}

function lockDigest() {
  const lock = join(root, "pnpm-lock.yaml");
  const parts = [readFileSync(join(root, "pnpm-workspace.yaml")), existsSync(lock) ? readFileSync(lock) : ""];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

export function installWorkspace() {
  // Fetched here, with the whole environment, so that the tasks turbo starts find it in COREPACK_HOME.
  if (
    !existsSync(join(corepackEnv.COREPACK_HOME, "v1", "pnpm", PNPM_VERSION)) &&
    capture("pnpm", ["--version"], { env: pnpmEnv }) === null
  )
    fail(
      "install",
      `corepack could not fetch pnpm ${PNPM_VERSION} from the npm registry; run \`corepack pnpm --version\` to see why`,
    );
  const stamp = join(root, "node_modules", ".fieldpay-install");
  const digest = lockDigest();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  log("install", `installing the workspace with pnpm ${PNPM_VERSION} (first run takes a minute)`);
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  if (pnpm(["install", ...frozen]) !== 0) fail("install", "pnpm install failed; see the output above");
  writeFileSync(stamp, lockDigest());
}
