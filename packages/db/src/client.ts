import { createHash } from "node:crypto";
import { type CompiledQuery, Kysely, PostgresDialect, type QueryResult, sql } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

export interface DbConfig {
  url: string;
  /** Pool size; small by default because several processes share one PostgreSQL. */
  max?: number;
  /** Told about idle connections the server closed; the pool itself recovers. */
  onIdleError?: (error: Error) => void;
}

// BIGINT money columns come back as strings by default; our amounts fit in a JS number (< 2^53 minor units).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Marks the statements runPrepared sends; a comment, so PostgreSQL reads the statement unchanged. */
const PREPARED = "/* prepared */ ";

/** A statement's name is a digest of its text: the same statement gets the same name on every connection. */
const statementName = (text: string) =>
  `fieldpay_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;

/**
 * Runs a statement whose SQL text never changes (only its parameters do) as a named prepared statement: each
 * pooled connection has PostgreSQL parse and plan it once, then reuses the plan. For the statements every request
 * runs: planning the payment read took 0.23 ms, four times as long as executing it. Such a statement must name
 * its columns (no `*`): a column added by a migration while the app runs would change a prepared `*`'s result
 * type, which PostgreSQL refuses to execute.
 */
export function runPrepared<R>(
  db: Db,
  query: { compile(db: Db): CompiledQuery<R> },
): Promise<QueryResult<R>> {
  const compiled = query.compile(db);
  return db.executeQuery({ ...compiled, sql: `${PREPARED}${compiled.sql}` });
}

/** Makes a new pooled connection send the statements marked by runPrepared by name; others go as they are. */
function sendPreparedByName(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) =>
    typeof text === "string" && text.startsWith(PREPARED)
      ? query({ name: statementName(text), text, values }, callback)
      : query(text, values, callback)) as typeof client.query;
}

export function createDb(config: DbConfig): Db {
  const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10 });
  pool.on("connect", sendPreparedByName);
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on("error", (error) => config.onIdleError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens `count` pool connections now (each answers one query) instead of during the first burst of traffic, where
 * every new connection's handshake would be paid inside a request. `count` must not exceed the pool size.
 */
export async function openConnections(db: Db, count: number): Promise<void> {
  let opened = 0;
  let allOpen = () => {};
  const together = new Promise<void>((resolve) => {
    allOpen = resolve;
  });
  // Each connection is held until all are open, or the pool would hand the same one out again.
  await Promise.all(
    Array.from({ length: count }, () =>
      db
        .connection()
        .execute(async (connection) => {
          await sql`select 1`.execute(connection);
          opened += 1;
          if (opened === count) allOpen();
          await together;
        })
        .catch((error: unknown) => {
          allOpen();
          throw error;
        }),
    ),
  );
}
