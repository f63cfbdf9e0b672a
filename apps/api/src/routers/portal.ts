import { findTenantBySlug } from "@fieldpay/db/repositories/tenants";
import { z } from "zod";
import { notFound } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";
import { tenantSlug } from "./auth/schemas.ts";

export const portalRouter = router({
  /** The public face of a business's booking page: its name, nothing else. */
  business: publicProcedure
    .input(z.object({ slug: tenantSlug }))
    .output(z.object({ slug: z.string(), name: z.string() }))
    .query(async ({ ctx, input }) => {
      const tenant = await findTenantBySlug(ctx.db, input.slug);
      if (!tenant) throw notFound("This booking page");
      return { slug: tenant.slug, name: tenant.name };
    }),
});
