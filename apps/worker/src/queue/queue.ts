// The job queue: graphile-worker's schema in our PostgreSQL, shared by every worker process on every machine.
import { Logger, type Runner, run, runMigrations, runOnce } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { CRONTAB, createTaskList } from "./task-list.ts";

/** Installs or upgrades graphile-worker's schema; safe to run from several workers at once. */
export async function migrateQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger() });
}

export interface QueueOptions {
  databaseUrl: string;
  concurrency: number;
}

export function startQueue(deps: WorkerDeps, options: QueueOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency,
    // main.ts stops the runner on SIGINT/SIGTERM itself (after the HTTP server).
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: createTaskList(deps),
    crontab: CRONTAB,
  });
}

/** Runs every job that is due now, then returns: tests drive the queue with it, deterministically. */
export function drainQueue(deps: WorkerDeps, databaseUrl: string): Promise<void> {
  return runOnce({ connectionString: databaseUrl, taskList: createTaskList(deps), logger: quietLogger() });
}

function quietLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") console.warn(`[worker] queue: ${message}`);
  });
}
