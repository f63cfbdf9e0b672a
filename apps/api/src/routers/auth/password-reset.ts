// "Forgot your password?": ask for a link by email, see whose it is, choose a new password with it.
import { z } from "zod";
import { describePasswordReset, requestPasswordReset, resetPassword } from "../../auth/password-reset.ts";
import { publicProcedure } from "../../trpc.ts";
import { email, newPassword, tenantSlug } from "./schemas.ts";

const resetToken = z.string().trim().min(1, "The reset link is incomplete.").max(200);

/** Staff leave `tenantSlug` out; customers ask on their business's booking portal. Same answer either way. */
export const requestPasswordResetProcedure = publicProcedure
  .input(z.object({ email, tenantSlug: tenantSlug.optional() }))
  .output(z.object({ requested: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx, input, ctx.request?.ip ?? "in-process");
    return { requested: true as const };
  });

export const passwordResetProcedure = publicProcedure
  .input(z.object({ token: resetToken }))
  .output(z.object({ email: z.string(), businessName: z.string(), portalSlug: z.string().nullable() }))
  .query(({ ctx, input }) => describePasswordReset(ctx, input.token));

export const resetPasswordProcedure = publicProcedure
  .input(z.object({ token: resetToken, password: newPassword }))
  .output(z.object({ signedIn: z.literal(true), portalSlug: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    const { session, portalSlug } = await resetPassword(ctx, input, ctx.request?.ip ?? "in-process");
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const, portalSlug };
  });
