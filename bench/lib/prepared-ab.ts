// runPrepared against what it replaces: the session check every signed-in request runs (findSessionWithUser),
// through two pools on the same database. One is made by createDb, whose connections send runPrepared's
// statements by name (PostgreSQL parses and plans them once per connection); the other is a plain pool, which
// sends the very same text unnamed (parsed and planned every time). Interleaved, one connection each.
import { createDb } from "@fieldpay/db/client";
import { findSessionWithUser } from "@fieldpay/db/repositories/sessions";
import type { Database } from "@fieldpay/db/schema";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { percentile } from "./report.ts";

export async function measurePrepared(databaseUrl: string, sessionCookie: string, rounds: number) {
  // The cookie is `<name>=<session id>.<secret>`: the statement is looked up by the id.
  const sessionId = sessionCookie.split("=")[1]?.split(".")[0] ?? "";
  const named = createDb({ url: databaseUrl, max: 1 });
  const unnamed = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  const samples = { named: [] as number[], unnamed: [] as number[] };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const [key, db] of [
        ["named", named],
        ["unnamed", unnamed],
      ] as const) {
        const t0 = performance.now();
        const found = await findSessionWithUser(db, sessionId);
        samples[key].push(performance.now() - t0);
        if (!found) throw new Error("prepared A/B: the bench customer's session was not found");
      }
    }
  } finally {
    await Promise.all([named.destroy(), unnamed.destroy()]);
  }
  for (const list of Object.values(samples)) list.sort((a, b) => a - b);
  const [n, u] = [percentile(samples.named, 50), percentile(samples.unnamed, 50)];
  const saved = (u - n) * 1000;
  return {
    rounds,
    savedMicros: saved,
    summary: `named ${(n * 1000).toFixed(0)} µs, unnamed ${(u * 1000).toFixed(0)} µs at p50: it saves ${saved.toFixed(0)} µs per statement; bookings.pay runs two such statements (this one and the payment read), so it is kept only while twice this is above 300 µs: **${saved * 2 > 300 ? "keep" : "retire"}**.`,
  };
}
