import { sql } from "kysely";
import type { Db } from "../client.ts";

/**
 * Every row that belongs to a tenant, from every table with a tenant_id column (and the tenant row itself).
 * New tables are covered without touching the tests that compare snapshots.
 */
export async function tenantSnapshot(db: Db, tenantId: string): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'tenant_id' order by table_name`.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows) {
    const rows =
      await sql`select * from ${sql.table(table_name)} where tenant_id = ${tenantId} order by 1`.execute(db);
    snapshot[table_name] = rows.rows;
  }
  snapshot.tenants = (await sql`select * from tenants where id = ${tenantId}`.execute(db)).rows;
  return snapshot;
}
