// Small process helpers shared by the scripts (dev, test, build, start). Plain Node: these run before any install.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";

export const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export function log(tag, message) {
  process.stdout.write(`[${tag}] ${message}\n`);
}

/** A provisioning step that cannot go on: the script that catches it stops what it started, then says why. */
export class Failure extends Error {
  constructor(tag, message) {
    super(message);
    this.tag = tag;
  }
}

export function fail(tag, message) {
  throw new Failure(tag, message);
}

/**
 * Runs main(started): main pushes a stop function for each service it starts. When main throws, every started
 * service is stopped (newest first) before the script exits 1, so a failed start leaves nothing running.
 */
export async function provisioned(main) {
  const started = [];
  try {
    return await main(started);
  } catch (error) {
    if (error instanceof Failure) process.stderr.write(`[${error.tag}] ${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    for (const stop of started.reverse()) await stop().catch(() => {});
    process.exit(1);
  }
}

/** Runs a command to completion, streaming its output; returns the exit code. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs a command and returns trimmed stdout, or null when it fails. */
export function capture(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", cwd: root, ...options });
  return result.status === 0 ? result.stdout.trim() : null;
}

export function start(cmd, args, options = {}) {
  return spawn(cmd, args, { cwd: root, stdio: "inherit", ...options });
}

export function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitForPort(port, timeoutMs, host = "127.0.0.1") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port, host)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Waits until `url` answers 2xx (a /healthz), for up to `timeoutMs`; false if it never did. */
export async function waitForHealth(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

export function which(name) {
  return capture("sh", ["-c", `command -v ${name}`]);
}
