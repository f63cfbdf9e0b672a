import { getOverview } from "../overview/get-overview.ts";
import { overviewInput, overviewOutput } from "../overview/schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

export const overviewRouter = router({
  /** The admin's Overview: the setup checklist, and the money of a period against the one before it. */
  get: roleProcedure("admin")
    .input(overviewInput)
    .output(overviewOutput)
    .query(({ ctx, input }) =>
      getOverview(ctx.db, {
        tenant: ctx.auth.tenant,
        range: input.range,
        timeZone: input.timeZone,
        now: new Date(),
      }),
    ),
});
