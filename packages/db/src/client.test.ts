import { useTestDatabase } from "@fieldpay/db/testing";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb, openConnections } from "./client.ts";

const t = useTestDatabase();

const connectionsTo = async (database: string) =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from pg_stat_activity where datname = ${database}`.execute(t.db)
    ).rows[0]?.n,
  );

describe("openConnections", () => {
  it("opens that many distinct connections before any traffic", async () => {
    const db = createDb({ url: t.url, max: 5 });
    try {
      const database = new URL(t.url).pathname.slice(1);
      const before = await connectionsTo(database);
      await openConnections(db, 4);
      expect((await connectionsTo(database)) - before).toBe(4);
    } finally {
      await db.destroy();
    }
  });

  it("fails, without hanging, when the database cannot be reached", async () => {
    const db = createDb({ url: "postgres://nobody:nothing@127.0.0.1:1/none", max: 3 });
    try {
      await expect(openConnections(db, 3)).rejects.toThrow();
    } finally {
      await db.destroy();
    }
  });
});
