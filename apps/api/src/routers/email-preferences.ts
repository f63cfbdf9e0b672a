// An admin's own email switches: each category they may turn off (sign-in links and customers' emails have none).

import { listOptOuts, setOptOut } from "@fieldpay/db/repositories/email-preferences";
import { OPTIONAL_CATEGORIES } from "@fieldpay/db/repositories/emails";
import { z } from "zod";
import { roleProcedure, router } from "../trpc.ts";

const category = z.enum(["payout_failures", "health", "disputes"], "Choose one of the email categories.");

const LABELS: Record<z.infer<typeof category>, { label: string; description: string }> = {
  payout_failures: { label: "Payout failures", description: "A payout to a fieldworker or to you failed." },
  health: { label: "Health checks", description: "A health check starts failing (once per problem)." },
  disputes: { label: "Disputes", description: "A customer's bank opened a dispute, with the deadline." },
};

const preferences = z.array(
  z.object({ category, label: z.string(), description: z.string(), enabled: z.boolean() }),
);

async function view(ctx: { db: Parameters<typeof listOptOuts>[0] }, tenantId: string, userId: string) {
  const off = new Set(await listOptOuts(ctx.db, tenantId, userId));
  return OPTIONAL_CATEGORIES.map((c) => ({ category: c, ...LABELS[c], enabled: !off.has(c) }));
}

export const emailPreferencesRouter = router({
  list: roleProcedure("admin")
    .input(z.void())
    .output(preferences)
    .query(({ ctx }) => view(ctx, ctx.auth.tenant.id, ctx.auth.user.id)),
  set: roleProcedure("admin")
    .input(z.object({ category, enabled: z.boolean() }))
    .output(preferences)
    .mutation(async ({ ctx, input }) => {
      const who = { tenantId: ctx.auth.tenant.id, userId: ctx.auth.user.id };
      await setOptOut(ctx.db, who, input.category, !input.enabled);
      return view(ctx, who.tenantId, who.userId);
    }),
});
