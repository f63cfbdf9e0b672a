// graphile-worker leaves a job locked by a worker that died (SIGKILL, a lost machine) for 4 hours before another
// worker may run it: an after-job charge would wait that long. So each process marks its workers alive with a
// session advisory lock per worker id, held on one connection for the life of the process (PostgreSQL drops it
// with the connection when the process dies), and a sweep unlocks the jobs of workers nobody holds alive,
// through graphile-worker's public forceUnlockWorkers. Jobs are idempotent (keys derived from our ids), so a job
// freed this way that was in fact still running elsewhere repeats the same Stripe calls, never new ones.
import { EventEmitter } from "node:events";
import type { Db } from "@fieldpay/db/client";
import { makeWorkerUtils, type WorkerEvents } from "graphile-worker";
import { sql } from "kysely";
import type { Logger } from "pino";

// The advisory lock space of worker liveness (two-key form: this class, the worker id's hash).
const LIVENESS_CLASS = 0x6670_776b; // "fpwk"
/** A job locked this recently may belong to a worker still taking its liveness lock. */
const GRACE_SECONDS = 10;
const SWEEP_EVERY_MS = 10_000;

export interface WorkerLiveness {
  /** Hand to graphile-worker's run(): each worker it creates is marked alive. */
  events: WorkerEvents;
  /** Marks a worker of this process alive (graphile-worker's worker:create does it for each of its workers). */
  markAlive(workerId: string): Promise<void>;
  /** Unlocks the jobs of dead workers now; returns their ids. */
  sweep(): Promise<string[]>;
  stop(): Promise<void>;
}

export function startWorkerLiveness(input: { db: Db; databaseUrl: string; log: Logger }): WorkerLiveness {
  const { db, log } = input;
  const events: WorkerEvents = new EventEmitter();
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let marking = Promise.resolve();
  let ready: (mark: (workerId: string) => Promise<void>) => void = () => {};
  const session = new Promise<(workerId: string) => Promise<void>>((resolve) => {
    ready = resolve;
  });
  // One connection, kept until stop(): the locks live as long as it does.
  const connection = db.connection().execute(async (conn) => {
    ready(async (workerId) => {
      await sql`select pg_advisory_lock(${LIVENESS_CLASS}::int, hashtext(${workerId}))`.execute(conn);
    });
    await held;
  });
  connection.catch((error: unknown) => log.error({ err: error }, "worker liveness connection lost"));
  const markAlive = (workerId: string) => {
    marking = marking
      .then(async () => (await session)(workerId))
      .catch((error: unknown) => log.warn({ err: error, workerId }, "could not mark worker alive"));
    return marking;
  };
  events.on("worker:create", ({ worker }: { worker: { workerId: string } }) => {
    void markAlive(worker.workerId);
  });

  const sweep = async (): Promise<string[]> => {
    const dead = await findDeadWorkers(db);
    if (dead.length === 0) return dead;
    const utils = await makeWorkerUtils({ connectionString: input.databaseUrl });
    try {
      await utils.forceUnlockWorkers(dead);
    } finally {
      await utils.release();
    }
    log.warn({ workers: dead }, "unlocked the jobs of workers that died");
    return dead;
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.warn({ err: error }, "dead worker sweep failed"));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return {
    events,
    markAlive,
    sweep,
    async stop() {
      clearInterval(timer);
      release();
      await connection.catch(() => undefined);
    },
  };
}

/** Workers holding jobs (for a while) whose liveness lock no session holds: their process is gone. */
async function findDeadWorkers(db: Db): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked_by: string }>`
      select distinct locked_by from graphile_worker.jobs
      where locked_by is not null and locked_at < now() - make_interval(secs => ${GRACE_SECONDS})`.execute(
      conn,
    );
    const dead: string[] = [];
    for (const { locked_by } of rows) {
      // Taken here, the lock was free: nobody holds that worker alive. Given back at once.
      const { rows: probe } = await sql<{ free: boolean }>`
        select pg_try_advisory_lock(${LIVENESS_CLASS}::int, hashtext(${locked_by})) as free`.execute(conn);
      if (!probe[0]?.free) continue;
      await sql`select pg_advisory_unlock(${LIVENESS_CLASS}::int, hashtext(${locked_by}))`.execute(conn);
      dead.push(locked_by);
    }
    return dead;
  });
}
