import { sql } from "kysely";
import type { Db } from "./client.ts";

export type DbHealth = { ok: true; latencyMs: number } | { ok: false; reason: string };

/** Answers whether PostgreSQL answers a trivial query within the timeout. */
export async function checkDatabase(db: Db, timeoutMs = 2000): Promise<DbHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const query = sql`select 1`
    .execute(db)
    .then((): DbHealth => ({ ok: true, latencyMs: Math.round(performance.now() - started) }))
    .catch((error: unknown): DbHealth => ({ ok: false, reason: describeDbError(error) }));
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describeDbError(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? ` (${error.code})` : "";
    return `PostgreSQL is not reachable: ${error.message}${code}`;
  }
  return "PostgreSQL is not reachable";
}
