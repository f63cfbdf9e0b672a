// The job queue: graphile-worker's schema in our PostgreSQL, shared by every worker process on every machine.
import { Logger, type Runner, run, runMigrations, runOnce, type WorkerEvents } from "graphile-worker";
import type { Logger as Log } from "pino";
import type { WorkerDeps } from "../deps.ts";
import { CRONTAB, createTaskList } from "./task-list.ts";

/** Installs or upgrades graphile-worker's schema; safe to run from several workers at once. */
export async function migrateQueue(databaseUrl: string, log: Log): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: queueLogger(log, "warning") });
}

export interface QueueOptions {
  databaseUrl: string;
  concurrency: number;
  /** Where graphile-worker reports its workers (dead-workers.ts marks each alive). */
  events?: WorkerEvents;
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
    logger: queueLogger(deps.log, "info"),
    ...(options.events && { events: options.events }),
  });
}

/** Runs every job that is due now, then returns: tests drive the queue with it, deterministically. */
export function drainQueue(deps: WorkerDeps, databaseUrl: string): Promise<void> {
  return runOnce({
    connectionString: databaseUrl,
    taskList: createTaskList(deps),
    logger: queueLogger(deps.log, "warning"),
  });
}

const LEVELS = { error: "error", warning: "warn", info: "info", debug: "debug" } as const;
const RANK = { error: 3, warning: 2, info: 1, debug: 0 } as const;

/** graphile-worker's own lines (a job started, completed, failed) through the worker's logger, one child per job. */
function queueLogger(log: Log, least: "info" | "warning"): Logger {
  // A job's lines carry its id and task, as the lines the job writes itself do (task-list.ts).
  return new Logger((scope) => {
    const child = log.child({
      ...(scope.jobId !== undefined && { jobId: String(scope.jobId) }),
      ...(scope.taskIdentifier !== undefined && { task: scope.taskIdentifier }),
    });
    return (level, message) => {
      if (RANK[level] >= RANK[least]) child[LEVELS[level]](`queue: ${message}`);
    };
  });
}
