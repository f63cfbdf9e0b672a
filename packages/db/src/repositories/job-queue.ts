// The job queue is graphile-worker's schema in the same PostgreSQL. Jobs are added with its SQL function, so a job
// can be committed in the same transaction as the change it follows (a failed payout asks for a payout check), and
// the api can ask for work without depending on graphile-worker itself.
import { sql } from "kysely";
import type { Db } from "../client.ts";

export type JobTask =
  | "check_payouts"
  | "health_report"
  | "schedule_tenant_checks"
  | "refund_duplicate_payment"
  | "charge_after_job"
  | "settle_dispute_share"
  | "deliver_email";

export interface JobSpec {
  task: JobTask;
  payload: Record<string, unknown>;
  /** Jobs with one key coalesce: adding it again while it waits replaces the waiting one. */
  jobKey?: string;
  /** Jobs in one named queue run one at a time (across every worker). */
  queueName?: string;
  /** Not before this moment (a retry's backoff). */
  runAt?: Date;
}

/** Whether the worker has installed the queue in this database (it does so at start-up). */
export async function jobQueueInstalled(db: Db): Promise<boolean> {
  const { rows } = await sql<{
    installed: boolean;
  }>`select to_regprocedure('graphile_worker.add_job(text, json, text, timestamptz, integer, text, integer, text[], text)') is not null as installed`.execute(
    db,
  );
  return rows[0]?.installed === true;
}

export async function enqueueJob(db: Db, spec: JobSpec): Promise<void> {
  await sql`select graphile_worker.add_job(
    identifier => ${spec.task},
    payload => ${JSON.stringify(spec.payload)}::json,
    queue_name => ${spec.queueName ?? null}::text,
    job_key => ${spec.jobKey ?? null}::text,
    run_at => ${spec.runAt ?? null}::timestamptz
  )`.execute(db);
}

/**
 * Where the job under a key stands: none (idle), waiting its turn (queued), being run (running), or due for longer
 * than `stalledAfterSeconds` while nothing runs in its queue: no worker is taking jobs (stalled).
 */
export type JobProgress = "idle" | "queued" | "running" | "stalled";

export async function jobProgress(
  db: Db,
  jobKey: string,
  options: { stalledAfterSeconds: number },
): Promise<JobProgress> {
  if (!(await jobQueueInstalled(db))) return "idle";
  const { rows } = await sql<{ running: boolean; stalled: boolean }>`
    select j.locked_at is not null as running,
      j.locked_at is null
        and j.run_at < now() - make_interval(secs => ${options.stalledAfterSeconds})
        and not exists (
          select 1 from graphile_worker.jobs o
          where o.queue_name is not distinct from j.queue_name and o.locked_at is not null
        ) as stalled
    from graphile_worker.jobs j
    where j.key = ${jobKey} and (j.attempts < j.max_attempts or j.locked_at is not null)`.execute(db);
  const job = rows[0];
  if (!job) return "idle";
  return job.running ? "running" : job.stalled ? "stalled" : "queued";
}

/** Per-business jobs that call Stripe share one queue, so that together they stay within its rate limit. */
export const tenantQueue = (tenantId: string) => `stripe:${tenantId}`;

export type TenantCheckTrigger = "scheduled" | "manual" | "settings_changed";

/** Asks the worker for a health report of one business; asking again while one waits changes nothing. */
export function requestHealthReport(db: Db, tenantId: string, trigger: TenantCheckTrigger): Promise<void> {
  return enqueueJob(db, {
    task: "health_report",
    payload: { tenantId, trigger },
    jobKey: `health_report:${tenantId}`,
    queueName: tenantQueue(tenantId),
  });
}

/** Asks the worker for a payout delay check of one business (and its fieldworkers' accounts). */
export function requestPayoutCheck(db: Db, tenantId: string, trigger: "scheduled" | "manual"): Promise<void> {
  return enqueueJob(db, {
    task: "check_payouts",
    payload: { tenantId, trigger },
    jobKey: `check_payouts:${tenantId}`,
    queueName: tenantQueue(tenantId),
  });
}

/**
 * The job waiting under a key (what it will run, in which queue, with what), for tests and diagnostics, through
 * graphile-worker's public interface only: its private tables change between minor releases. The payload is in
 * no public view, so it comes from what the public `remove_job` answers, in a transaction that is always rolled
 * back: the job stays queued exactly as it was.
 */
export async function findQueuedJob(db: Db, jobKey: string) {
  const trx = await db.startTransaction().execute();
  try {
    const { rows } = await sql<{ task: string; queue_name: string | null; payload: unknown }>`
      select j.task_identifier as task, j.queue_name, (graphile_worker.remove_job(j.key)).payload
      from graphile_worker.jobs j
      where j.key = ${jobKey}`.execute(trx);
    return rows;
  } finally {
    await trx.rollback().execute();
  }
}

/** Asks the worker to settle a done job's money (charge_after_job); asking again while it waits changes nothing. */
export function requestAfterJobCharge(db: Db, tenantId: string, bookingId: string): Promise<void> {
  return enqueueJob(db, {
    task: "charge_after_job",
    payload: { tenantId, bookingId },
    jobKey: `after_job:${bookingId}`,
  });
}

/**
 * Done jobs whose after-job work never started (marked done before the worker had installed its queue, or the
 * job's retries ran out): asked for again. A job that started has its attempt row or prepared capture, and Stripe's
 * events settle it from there. Returns how many were asked for.
 */
export async function requestStalledAfterJobCharges(db: Db, olderThanSeconds = 300): Promise<number> {
  if (!(await jobQueueInstalled(db))) return 0;
  const { rows } = await sql<{ tenant_id: string; id: string }>`
    select b.tenant_id, b.id from bookings b
    where b.done_at < now() - make_interval(secs => ${olderThanSeconds})
      and (b.status in ('deposit_paid', 'card_saved', 'authorized')
        or (b.status = 'paid' and b.payment_plan = 'full' and b.final_amount < b.amount))
      and not exists (
        select 1 from payments p where p.tenant_id = b.tenant_id and p.booking_id = b.id
          and (p.purpose in ('balance', 'extra') or p.amount_received is not null))
      and not exists (select 1 from refunds r join payments p on p.id = r.payment_id
          where p.tenant_id = b.tenant_id and p.booking_id = b.id and r.created_by is null)
      and not exists (select 1 from graphile_worker.jobs j where j.key = 'after_job:' || b.id::text)
    limit 500`.execute(db);
  for (const row of rows) await requestAfterJobCharge(db, row.tenant_id, row.id);
  return rows.length;
}
