// graphile-worker tasks (payout checks, health reports, duplicate refunds, after-job charges, email delivery, the token purge): each parses its payload, then calls its job with the worker's dependencies.

import { requestDueDeliveries } from "@fieldpay/db/repositories/email-delivery";
import { requestStalledAfterJobCharges } from "@fieldpay/db/repositories/job-queue";
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { z } from "zod";
import type { WorkerDeps } from "../deps.ts";
import { refreshDisputeAlerts } from "../disputes/dispute-alerts.ts";
import { chargeAfterJob } from "../jobs/charge-after-job.ts";
import { checkExpiringHolds } from "../jobs/check-expiring-holds.ts";
import { checkPayouts } from "../jobs/check-payouts.ts";
import { runHealthReport } from "../jobs/health-report.ts";
import { purgeExpiredTokens } from "../jobs/purge-expired-tokens.ts";
import { refundDuplicatePayment } from "../jobs/refund-duplicate-payment.ts";
import { scheduleTenantChecks } from "../jobs/schedule-tenant-checks.ts";
import { settleDisputeShare } from "../jobs/settle-dispute-share.ts";
import { deliverEmail } from "../mail/deliver-email.ts";
import { remindUnfinishedOnboarding } from "../mail/onboarding-reminders.ts";

const payoutPayload = z.object({ tenantId: z.uuid(), trigger: z.enum(["scheduled", "manual"]) });
const healthPayload = z.object({
  tenantId: z.uuid(),
  trigger: z.enum(["scheduled", "manual", "settings_changed"]),
});
const schedulePayload = z.object({ check: z.enum(["payouts", "health"]) });
const duplicatePayload = z.object({ tenantId: z.uuid(), paymentId: z.uuid() });
const afterJobPayload = z.object({ tenantId: z.uuid(), bookingId: z.uuid() });
const emailPayload = z.object({ tenantId: z.uuid(), emailId: z.uuid() });
const disputeSharePayload = z.object({ tenantId: z.uuid(), disputeId: z.string().min(1) });

/** The worker's dependencies for one job: its lines carry the job's id and task. */
function forJob(deps: WorkerDeps, helpers: JobHelpers): WorkerDeps {
  // String: graphile-worker types the id as one (a bigint) but hands over a number.
  return {
    ...deps,
    log: deps.log.child({ jobId: String(helpers.job.id), task: helpers.job.task_identifier }),
  };
}

export function createTaskList(deps: WorkerDeps): TaskList {
  const payouts: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    const summary = await checkPayouts(job, payoutPayload.parse(payload));
    if (summary) job.log.info({ summary }, "payout check done");
  };
  const health: Task = async (payload, helpers) => {
    await runHealthReport(forJob(deps, helpers), healthPayload.parse(payload));
  };
  const schedule: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    const { check } = schedulePayload.parse(payload);
    await scheduleTenantChecks(job, check);
    // Card holds about to lapse are watched in the 15-minute pass too (the database alone, no Stripe call).
    if (check === "payouts") {
      job.log.info({ holds: await checkExpiringHolds(job) }, "card holds checked");
      const asked = await requestStalledAfterJobCharges(job.db);
      if (asked > 0) job.log.info({ asked }, "done jobs never charged were queued again");
      // Dispute deadlines come closer without any event: their alerts turn critical within 72 hours.
      job.log.info(await refreshDisputeAlerts(job.db, { tenantId: null, now: job.now() }), "dispute alerts");
      // Fieldworkers who joined two days ago or more and never finished Stripe's onboarding: one reminder each.
      job.log.info(await remindUnfinishedOnboarding(job), "onboarding reminders");
    }
  };
  const duplicate: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    job.log.info(await refundDuplicatePayment(job, duplicatePayload.parse(payload)));
  };
  const afterJob: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    job.log.info(await chargeAfterJob(job, afterJobPayload.parse(payload)));
  };
  const disputeShare: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    job.log.info(await settleDisputeShare(job, disputeSharePayload.parse(payload)));
  };
  const email: Task = async (payload, helpers) => {
    const job = forJob(deps, helpers);
    const outcome = await deliverEmail(job, emailPayload.parse(payload));
    if (outcome !== "not_due") job.log.info({ outcome }, "email delivery");
  };
  const dueEmails: Task = async (_payload, helpers) => {
    const asked = await requestDueDeliveries(deps.db, deps.now());
    if (asked > 0) forJob(deps, helpers).log.info({ asked }, "emails without a delivery job were queued");
  };
  const purge: Task = async (_payload, helpers) => {
    helpers.logger.info(`expired tokens purged: ${JSON.stringify(await purgeExpiredTokens(deps))}`);
  };
  return {
    refund_duplicate_payment: duplicate,
    charge_after_job: afterJob,
    deliver_email: email,
    deliver_due_emails: dueEmails,
    settle_dispute_share: disputeShare,
    purge_expired_tokens: purge,
    check_payouts: payouts,
    health_report: health,
    schedule_tenant_checks: schedule,
  };
}

// Every 15 minutes: payouts, card holds about to lapse and onboarding reminders; hourly: health reports and the purge of expired sessions, reset links and
// invitations. (Webhook events are not jobs: see webhooks/event-processor.ts.)
export const CRONTAB = [
  '*/15 * * * * schedule_tenant_checks ?id=payouts {check:"payouts"}',
  '7 * * * * schedule_tenant_checks ?id=health {check:"health"}',
  "37 * * * * purge_expired_tokens ?id=purge",
  // Emails queued before the queue was installed, or left "sending" by a killed worker.
  "* * * * * deliver_due_emails ?id=emails",
].join("\n");
