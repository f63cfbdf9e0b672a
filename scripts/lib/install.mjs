// Installs pnpm (through corepack, pinned in package.json) and the workspace, skipping work already done.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, log, root, run } from "./proc.mjs";

export const pnpmEnv = {
  ...process.env,
  COREPACK_INTEGRITY_KEYS: "0",
  COREPACK_ENABLE_DOWNLOAD_PROMPT: "0",
  TURBO_TELEMETRY_DISABLED: "1",
};

export function pnpm(args, options = {}) {
  return run("corepack", ["pnpm", ...args], { env: pnpmEnv, ...options });
}

function lockDigest() {
  const lock = join(root, "pnpm-lock.yaml");
  const parts = [readFileSync(join(root, "pnpm-workspace.yaml")), existsSync(lock) ? readFileSync(lock) : ""];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

export function installWorkspace() {
  const stamp = join(root, "node_modules", ".fieldpay-install");
  const digest = lockDigest();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return;
  log("install", "installing the workspace with pnpm 12.4.2 (first run takes a minute)");
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  if (pnpm(["install", ...frozen]) !== 0) fail("install", "pnpm install failed; see the output above");
  writeFileSync(stamp, lockDigest());
}
