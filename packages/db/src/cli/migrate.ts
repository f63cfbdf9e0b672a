// Usage: tsx src/cli/migrate.ts <database-url>. The URL comes as an argument: packages read no environment.
import { createDb } from "../client.ts";
import { migrateToLatest } from "../migrate.ts";

const url = process.argv[2];
if (!url) {
  console.error("usage: migrate <database-url>");
  process.exit(2);
}
const db = createDb({ url, max: 1 });
const outcome = await migrateToLatest(db);
await db.destroy();
if (!outcome.ok) {
  console.error(`[migrate] ${outcome.failed} failed: ${outcome.reason}`);
  process.exit(1);
}
console.log(
  outcome.applied.length ? `[migrate] applied ${outcome.applied.join(", ")}` : "[migrate] up to date",
);
