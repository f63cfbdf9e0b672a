import { z } from "zod";
import { signUpCustomer } from "../../auth/accounts.ts";
import { publicProcedure } from "../../trpc.ts";
import { email, newPassword, personName, signedIn, tenantSlug } from "./schemas.ts";

export const customerSignUpProcedure = publicProcedure
  .input(z.object({ tenantSlug, name: personName, email, password: newPassword }))
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const session = await signUpCustomer(ctx.db, input);
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });
