import { Kysely, PostgresDialect, sql } from "kysely";
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

export function createDb(config: DbConfig): Db {
  const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10 });
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
