// Admins manage the services customers book: name, price, duration and how customers pay; and what the booking
// page allows, with the business's default payment plan.
import { findTenantBySlug } from "@fieldpay/db/repositories/tenants";
import { z } from "zod";
import {
  bookingPreferencesView,
  changeService,
  createService,
  listServiceViews,
  saveBookingPreferencesInput,
} from "../../booking/services.ts";
import { notFound } from "../../errors.ts";
import { publicProcedure, roleProcedure, router } from "../../trpc.ts";
import { tenantSlug } from "../auth/schemas.ts";
import {
  catalogOutput,
  preferencesInput,
  preferencesOutput,
  serviceInput,
  serviceOutput,
} from "./schemas.ts";

export const servicesRouter = router({
  /** The booking page's public list: what can be booked, for how long and at what price (no ids). */
  catalog: publicProcedure
    .input(z.object({ slug: tenantSlug }))
    .output(catalogOutput)
    .query(async ({ ctx, input }) => {
      const tenant = await findTenantBySlug(ctx.db, input.slug);
      if (!tenant) throw notFound("This booking page");
      const services = await listServiceViews(ctx.db, tenant.id, true);
      return services.map(({ name, description, durationMinutes, price }) => ({
        name,
        description,
        durationMinutes,
        price,
      }));
    }),

  list: roleProcedure("admin")
    .input(z.void())
    .output(z.array(serviceOutput))
    .query(({ ctx }) => listServiceViews(ctx.db, ctx.auth.tenant.id, false)),

  create: roleProcedure("admin")
    .input(serviceInput)
    .output(serviceOutput)
    .mutation(({ ctx, input }) => createService(ctx.db, ctx.auth.tenant.id, input)),

  update: roleProcedure("admin")
    .input(serviceInput.extend({ id: z.uuid("Choose a service from the list.") }))
    .output(serviceOutput)
    .mutation(({ ctx, input }) => changeService(ctx.db, ctx.auth.tenant.id, input.id, input)),

  preferences: roleProcedure("admin")
    .input(z.void())
    .output(preferencesOutput)
    .query(({ ctx }) => bookingPreferencesView(ctx.db, ctx.auth.tenant.id)),

  setPreferences: roleProcedure("admin")
    .input(preferencesInput)
    .output(preferencesOutput)
    .mutation(({ ctx, input }) => saveBookingPreferencesInput(ctx.db, ctx.auth.tenant.id, input)),
});
