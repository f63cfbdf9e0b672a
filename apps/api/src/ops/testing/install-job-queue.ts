// Installs the worker's job queue schema into a test database by running the worker's own migration command, so
// the api (which has no graphile-worker dependency) can be tested queuing real jobs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const workerDir = fileURLToPath(new URL("../../../../worker", import.meta.url));

export function installJobQueue(databaseUrl: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/migrate-queue.ts", databaseUrl], {
    cwd: workerDir,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`installing the job queue failed:\n${result.stderr}`);
}
