import { z } from "zod";
import { signUpBusiness } from "../../auth/accounts.ts";
import { publicProcedure } from "../../trpc.ts";
import { email, newPassword, personName, signedIn, tenantSlug } from "./schemas.ts";

export const signUpBusinessInput = z.object({
  businessName: z
    .string()
    .trim()
    .min(2, "Enter your business's name.")
    .max(120, "Business names are at most 120 characters."),
  slug: tenantSlug,
  name: personName,
  email,
  password: newPassword,
});

export const signUpBusinessProcedure = publicProcedure
  .input(signUpBusinessInput)
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const session = await signUpBusiness(ctx.db, input);
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });
