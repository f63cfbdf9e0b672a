// What fieldworkers (and admins) do with a job: see their jobs with their share of each charge, and mark a job
// done, with the final amount, so the worker charges what is due.
import { z } from "zod";
import { bookingViews } from "../../booking/booking-view.ts";
import { markJobDone } from "../../booking/mark-done.ts";
import { roleProcedure } from "../../trpc.ts";
import { moneyOutput } from "../services/schemas.ts";
import { bookingOutput, markDoneInput } from "./schemas.ts";

/** The signed-in fieldworker's jobs, newest first. */
export const myJobsProcedure = roleProcedure("fieldworker")
  .input(z.void())
  .output(z.array(bookingOutput))
  .query(({ ctx }) =>
    bookingViews(ctx.db, ctx.auth.tenant.id, { fieldworkerId: ctx.auth.user.id }, "fieldworker"),
  );

export const markDoneProcedure = roleProcedure("fieldworker", "admin")
  .input(markDoneInput)
  .output(z.object({ bookingId: z.string(), finalAmount: moneyOutput }))
  .mutation(({ ctx, input }) => markJobDone(ctx, ctx.auth, input));
