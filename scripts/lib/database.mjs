// Migrations run through packages/db's CLI (TypeScript, via tsx) so there is one migration path for dev and tests.
import pg from "pg";
import { fail, run } from "./proc.mjs";

export function migrate(url, tag = "migrate") {
  const code = run("node_modules/.bin/tsx", ["packages/db/src/cli/migrate.ts", url]);
  if (code !== 0) fail(tag, "migrations failed; see the output above");
}

export async function adminQuery(adminUrl, fn) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Drops test databases (fieldpay_t<pid>_…, fieldpay_template<pid>) of runs that are gone, or of this one. */
export async function dropTestDatabases(adminUrl, { includeOwn = false } = {}) {
  await adminQuery(adminUrl, async (client) => {
    const { rows } = await client.query(
      "select datname from pg_database where datname ~ '^fieldpay_(t|template)[0-9]+'",
    );
    const owner = (name) => Number(/^fieldpay_(?:t|template)(\d+)/.exec(name)?.[1]);
    const doomed = rows
      .map((r) => r.datname)
      .filter((name) => (owner(name) === process.pid ? includeOwn : !pidAlive(owner(name))));
    for (const name of doomed) await client.query(`drop database if exists "${name}" with (force)`);
  });
}

/** A freshly migrated template database that each test file clones (CREATE DATABASE … TEMPLATE). */
export async function prepareTemplate(adminUrl, name) {
  await adminQuery(adminUrl, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrate(url.toString(), "test");
}
