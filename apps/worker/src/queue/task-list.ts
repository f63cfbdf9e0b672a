// graphile-worker tasks: each parses its payload, then calls its job with the worker's dependencies.
import type { Task, TaskList } from "graphile-worker";
import { z } from "zod";
import type { WorkerDeps } from "../deps.ts";
import { checkPayouts } from "../jobs/check-payouts.ts";
import { runHealthReport } from "../jobs/health-report.ts";
import { processWebhookEvent } from "../jobs/process-webhook-event.ts";
import { scheduleTenantChecks } from "../jobs/schedule-tenant-checks.ts";
import { sweepWebhookEvents } from "../jobs/sweep-webhook-events.ts";

const eventPayload = z.object({ tenantId: z.uuid(), eventId: z.string().min(1) });
const payoutPayload = z.object({ tenantId: z.uuid(), trigger: z.enum(["scheduled", "manual"]) });
const healthPayload = z.object({
  tenantId: z.uuid(),
  trigger: z.enum(["scheduled", "manual", "settings_changed"]),
});
const schedulePayload = z.object({ check: z.enum(["payouts", "health"]) });

export function createTaskList(deps: WorkerDeps): TaskList {
  const processEvent: Task = async (payload, helpers) => {
    const key = eventPayload.parse(payload);
    const outcome = await processWebhookEvent(deps, key);
    helpers.logger.info(
      `event ${key.eventId}: ${outcome.status === "applied" ? outcome.detail : outcome.status}`,
    );
  };
  const sweep: Task = async (_payload, helpers) => {
    const requeued = await sweepWebhookEvents(deps);
    if (requeued > 0) helpers.logger.info(`queued ${requeued} stranded webhook event(s) again`);
  };
  const payouts: Task = async (payload, helpers) => {
    const summary = await checkPayouts(deps, payoutPayload.parse(payload));
    if (summary) helpers.logger.info(`payout check: ${JSON.stringify(summary)}`);
  };
  const health: Task = async (payload) => {
    await runHealthReport(deps, healthPayload.parse(payload));
  };
  const schedule: Task = async (payload) => {
    await scheduleTenantChecks(deps, schedulePayload.parse(payload).check);
  };
  return {
    process_webhook_event: processEvent,
    sweep_webhook_events: sweep,
    check_payouts: payouts,
    health_report: health,
    schedule_tenant_checks: schedule,
  };
}

// Every minute: events whose job died with a worker; every 15 minutes: payouts; hourly: health reports.
export const CRONTAB = [
  "* * * * * sweep_webhook_events",
  '*/15 * * * * schedule_tenant_checks ?id=payouts {check:"payouts"}',
  '7 * * * * schedule_tenant_checks ?id=health {check:"health"}',
].join("\n");
