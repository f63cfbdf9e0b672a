import { Kysely, PostgresDialect } from "kysely";
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
