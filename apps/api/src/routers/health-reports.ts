import { z } from "zod";
import { checkSchema, healthReportsOverview, runHealthChecksNow } from "../ops/health-reports.ts";
import { roleProcedure, router } from "../trpc.ts";

const reportOutput = z.object({
  id: z.string(),
  trigger: z.enum(["scheduled", "manual", "settings_changed"]),
  status: z.enum(["pass", "warn", "fail"]),
  createdAt: z.date(),
  checks: z.array(checkSchema),
});

export const healthReportsRouter = router({
  /**
   * The latest report first, then its history; `running` while a report is queued or being made, `stalled` when
   * it has waited over a minute with no worker taking it.
   */
  list: roleProcedure("admin")
    .input(z.void())
    .output(z.object({ running: z.boolean(), stalled: z.boolean(), reports: z.array(reportOutput) }))
    .query(({ ctx }) => healthReportsOverview(ctx.db, ctx.auth.tenant.id)),

  /** Asks the worker for a report now; asking again while one is queued changes nothing. */
  runNow: roleProcedure("admin")
    .input(z.void())
    .output(z.object({ queued: z.boolean() }))
    .mutation(({ ctx }) => runHealthChecksNow(ctx.db, ctx.auth.tenant.id)),
});
