import { z } from "zod";
import { healthReport } from "../health.ts";
import { publicProcedure, router } from "../trpc.ts";

const reachability = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

export const systemRouter = router({
  /** The first end-to-end typed path: the web's status page shows what the api sees. */
  status: publicProcedure
    .input(z.void())
    .output(
      z.object({
        ok: z.boolean(),
        database: reachability,
        stripe: reachability.and(z.object({ base: z.string() })),
      }),
    )
    .query(async ({ ctx }) => {
      const report = await healthReport("api", ctx);
      return { ok: report.ok, database: report.database, stripe: report.stripe };
    }),
});
