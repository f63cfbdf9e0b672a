import { z } from "zod";
import { checkPayoutsNow, payoutAlertsOverview } from "../ops/payout-alerts.ts";
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
  payoutId: z.string().nullable(),
  since: z.date(),
  lastSeenAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export const alertsRouter = router({
  /** Payout alerts: open ones worst first, recently resolved ones, and the last check. */
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
        resolved: z.array(alertOutput),
      }),
    )
    .query(({ ctx }) => payoutAlertsOverview(ctx.db, ctx.auth.tenant.id)),

  /** Asks the worker to check payouts now; asking again while a check is queued changes nothing. */
  checkPayoutsNow: roleProcedure("admin")
    .input(z.void())
    .output(z.object({ queued: z.boolean() }))
    .mutation(({ ctx }) => checkPayoutsNow(ctx.db, ctx.auth.tenant.id)),
});
