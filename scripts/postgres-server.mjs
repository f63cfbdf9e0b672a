// Runs the embedded PostgreSQL in a process of its own, so the parent decides when it stops (after the apps).
// Usage: node scripts/postgres-server.mjs <dataDir> <port>. SIGTERM or SIGINT stops PostgreSQL (fast shutdown)
// and then this process; when PostgreSQL exits by itself, so does this process, with the end of its log.
// PostgreSQL's own log goes to <dataDir>.log, beside the cluster.
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { initCluster, spawnServer } from "./lib/postgres.mjs";

const [dataDir, port] = process.argv.slice(2);
const logFile = `${dataDir}.log`;
const say = (message) => process.stderr.write(`[postgres] ${message}\n`);
mkdirSync(dirname(dataDir), { recursive: true });
try {
  await initCluster(dataDir);
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const logFd = openSync(logFile, "a");
const server = await spawnServer(dataDir, port, ["ignore", logFd, logFd]);
closeSync(logFd);
let stopping = false;
const stop = () => {
  stopping = true;
  server.kill("SIGINT");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("error", (error) => {
  say(`could not start: ${error.message}`);
  process.exit(1);
});
server.on("exit", (code, signal) => {
  if (!stopping) {
    const tail = readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-8).join("\n  ");
    say(`PostgreSQL exited (${signal ?? `code ${code}`}); the end of ${logFile}:\n  ${tail}`);
  }
  process.exit(stopping ? 0 : 1);
});
