import type { Kysely } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import { migrations } from "./migrations/index.ts";

export type MigrateOutcome = { ok: true; applied: string[] } | { ok: false; failed: string; reason: string };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (result.error) {
    const failed =
      result.results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    return { ok: false, failed, reason };
  }
  return { ok: true, applied };
}
