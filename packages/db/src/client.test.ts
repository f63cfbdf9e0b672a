import { useTestDatabase } from "@fieldpay/db/testing";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb, openConnections, runPrepared } from "./client.ts";

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

describe("runPrepared", () => {
  it("has each connection parse the statement once, then run its saved plan", async () => {
    const db = createDb({ url: t.url, max: 1 });
    try {
      const lookup = (id: number) => sql<{ id: number }>`select ${id}::integer + 1 as id`;
      for (let id = 1; id <= 8; id++)
        expect((await runPrepared(db, lookup(id))).rows).toEqual([{ id: id + 1 }]);
      const { rows } = await sql<{ name: string; statement: string; generic_plans: number }>`
        select name, statement, generic_plans from pg_prepared_statements`.execute(db);
      expect(rows).toEqual([
        {
          name: expect.stringMatching(/^fieldpay_[\w-]{24}$/),
          statement: `/* prepared */ ${lookup(0).compile(db).sql}`,
          generic_plans: 3,
        },
      ]);
      // Statements not run through runPrepared stay unnamed.
      await sql`select 1`.execute(db);
      expect((await sql`select name from pg_prepared_statements`.execute(db)).rows).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it("keeps working when a migration adds a column, as long as the statement names its columns", async () => {
    const db = createDb({ url: t.url, max: 1 });
    try {
      await sql`create table prepared_probe (id integer primary key, name text)`.execute(db);
      await sql`insert into prepared_probe values (1, 'one')`.execute(db);
      const named = () => runPrepared(db, sql<{ name: string }>`select p.id, p.name from prepared_probe p`);
      const star = () => runPrepared(db, sql<{ name: string }>`select * from prepared_probe`);
      await named();
      await star();
      await sql`alter table prepared_probe add column note text`.execute(db);
      expect((await named()).rows).toEqual([{ id: 1, name: "one" }]);
      // Why runPrepared asks for named columns: PostgreSQL will not run a prepared `*` whose row has changed.
      await expect(star()).rejects.toThrow(/cached plan must not change result type/);
    } finally {
      await db.destroy();
    }
  });
});
