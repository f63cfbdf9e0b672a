import { z } from "zod";
import { signInCustomer, signInStaff } from "../../auth/accounts.ts";
import { publicProcedure } from "../../trpc.ts";
import { email, password, signedIn, tenantSlug } from "./schemas.ts";

/** Admins and fieldworkers. */
export const signInProcedure = publicProcedure
  .input(z.object({ email, password }))
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const session = await signInStaff(ctx.db, input, ctx.request?.ip ?? "in-process");
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });

/** Customers, on their business's booking portal. */
export const customerSignInProcedure = publicProcedure
  .input(z.object({ tenantSlug, email, password }))
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const session = await signInCustomer(ctx.db, input, ctx.request?.ip ?? "in-process");
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });
