// A PostgreSQL cluster of the benchmark's own (under .data/bench-postgres), so it can really restart it.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { freePort, repoRoot, type Started, startProcess } from "./processes.ts";

async function waitForPostgres(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url });
    const ok = await client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`PostgreSQL at ${url} did not come up within ${timeoutMs} ms`);
}

export async function startOwnPostgres(database: string) {
  const port = await freePort();
  const dir = `${repoRoot}/.data/bench-postgres`;
  const admin = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  let server: Started = startProcess("node", ["scripts/postgres-server.mjs", dir, String(port)], ".", {});
  await waitForPostgres(admin);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists "${database}" with (force)`);
  await client.query(`create database "${database}"`);
  await client.end();
  execFileSync("node_modules/.bin/tsx", ["packages/db/src/cli/migrate.ts", url], {
    cwd: repoRoot,
    stdio: "ignore",
  });
  return {
    url,
    /** A real restart: the server shuts down (connections drop), then starts again on the same data. */
    async restart() {
      await server.stop("SIGTERM");
      server = startProcess("node", ["scripts/postgres-server.mjs", dir, String(port)], ".", {});
      await waitForPostgres(admin);
    },
    stop: () => server.stop("SIGTERM"),
  };
}
