import { mailTransportKind } from "@fieldpay/db/repositories/emails";
import { z } from "zod";
import { changePassword } from "../../auth/accounts.ts";
import { invalidateSession } from "../../auth/session.ts";
import { authedProcedure, publicProcedure } from "../../trpc.ts";
import { meOutput, newPassword, password, signedIn } from "./schemas.ts";

export const meProcedure = publicProcedure
  .input(z.void())
  .output(meOutput)
  .query(async ({ ctx }) =>
    ctx.auth
      ? {
          user: ctx.auth.user,
          tenant: ctx.auth.tenant,
          emailOutbox: (await mailTransportKind(ctx.db)) === "outbox",
        }
      : null,
  );

export const signOutProcedure = authedProcedure
  .input(z.void())
  .output(z.object({ signedOut: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await invalidateSession(ctx.db, ctx.auth.sessionId);
    ctx.cookies.clear();
    return { signedOut: true as const };
  });

export const changePasswordProcedure = authedProcedure
  .input(z.object({ currentPassword: password, newPassword }))
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const who = { tenantId: ctx.auth.tenant.id, userId: ctx.auth.user.id };
    const session = await changePassword(ctx.db, who, input, ctx.request?.ip ?? "in-process");
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });
