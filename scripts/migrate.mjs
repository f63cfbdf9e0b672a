// `npm run migrate`: applies the migrations to DATABASE_URL, or (unset) to the dev database in the embedded
// PostgreSQL under .data/, started for the purpose when it is not already running.
import { installWorkspace } from "./lib/install.mjs";
import { provisioned } from "./lib/proc.mjs";

await provisioned(async (running) => {
  installWorkspace();
  const { migrate } = await import("./lib/database.mjs");
  if (process.env.DATABASE_URL) return migrate(process.env.DATABASE_URL);
  const { ensureDatabase, startPostgres } = await import("./lib/services.mjs");
  const postgres = await startPostgres();
  running.push(postgres.stop);
  migrate(await ensureDatabase(postgres.adminUrl, "fieldpay"));
  await postgres.stop();
});
