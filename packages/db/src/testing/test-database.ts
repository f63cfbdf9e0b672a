// A fresh, migrated database per test file, cloned from the template that `npm test` prepares.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../client.ts";

export interface TestDatabase {
  db: Db;
  url: string;
  drop: () => Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  // The template is fieldpay_template<pid of the npm test run>; clones carry the same pid for clean-up.
  const template = inject("templateDatabase");
  const runId = /^fieldpay_template(\d+)$/.exec(template)?.[1] ?? "0";
  const name = `fieldpay_t${runId}_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database "${name}" template "${template}"`));
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${name}`;
  const db = createDb({ url: url.toString(), max: 5 });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * The usual frame of a test file: its own database, made before its tests and dropped after them. Read `.db` and
 * `.url` inside the tests (they are set once the file's tests start).
 */
export function useTestDatabase(): TestDatabase {
  const env = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(env, await createTestDatabase());
  });
  afterAll(async () => {
    await env.drop?.();
  });
  return env;
}
