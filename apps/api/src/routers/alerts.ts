import { z } from "zod";
import { checkPayoutsNow, dismissAlert, payoutAlertsOverview } from "../ops/payout-alerts.ts";
import { roleProcedure, router } from "../trpc.ts";

const alertOutput = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(["info", "warning", "critical"]),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  who: z.string(),
  accountId: z.string().nullable(),
  /** The alert is about a fieldworker's connected account (its payouts live there on the Dashboard). */
  connected: z.boolean(),
  payoutId: z.string().nullable(),
  since: z.date(),
  lastSeenAt: z.date(),
  resolvedAt: z.date().nullable(),
  dismissedAt: z.date().nullable(),
});

export const alertsRouter = router({
  /** Payout alerts: open ones worst first, open ones dismissed, recently resolved ones, and the last check. */
  list: roleProcedure("admin")
    .input(z.void())
    .output(
      z.object({
        running: z.boolean(),
        stalled: z.boolean(),
        lastCheck: z
          .object({
            finishedAt: z.date(),
            accountsChecked: z.number().int(),
            accountsFailed: z.number().int(),
            findings: z.number().int(),
          })
          .nullable(),
        open: z.array(alertOutput),
        dismissed: z.array(alertOutput),
        resolved: z.array(alertOutput),
      }),
    )
    .query(({ ctx }) => payoutAlertsOverview(ctx.db, ctx.auth.tenant.id)),

  /** Asks the worker to check payouts now; asking again while a check is queued changes nothing. */
  checkPayoutsNow: roleProcedure("admin")
    .input(z.void())
    .output(z.object({ queued: z.boolean() }))
    .mutation(({ ctx }) => checkPayoutsNow(ctx.db, ctx.auth.tenant.id)),

  /** Dismisses an open alert the admin knows about, or shows it again; it returns by itself if it gets worse. */
  setDismissed: roleProcedure("admin")
    .input(
      z.object({ alertId: z.uuid({ message: "Choose an alert from the list." }), dismissed: z.boolean() }),
    )
    .output(z.object({ dismissed: z.boolean() }))
    .mutation(({ ctx, input }) =>
      dismissAlert(ctx.db, { tenantId: ctx.auth.tenant.id, userId: ctx.auth.user.id }, input),
    ),
});
