// What admins do with bookings: see them with their payment (and, in Connect mode, the split), and refund.
import { z } from "zod";
import { bookingViews } from "../../booking/booking-view.ts";
import { assignableFieldworkers, assignFieldworker } from "../../booking/create-booking.ts";
import { previewRefund, refundBooking } from "../../booking/refund-booking.ts";
import { notFound } from "../../errors.ts";
import { roleProcedure } from "../../trpc.ts";
import {
  assignInput,
  bookingId,
  bookingOutput,
  refundInput,
  refundOutputShape,
  refundPreviewInput,
  refundPreviewOutput,
} from "./schemas.ts";

export const listProcedure = roleProcedure("admin")
  .input(z.void())
  .output(z.array(bookingOutput))
  .query(({ ctx }) => bookingViews(ctx.db, ctx.auth.tenant.id, {}, "admin"));

/**
 * One booking: a customer sees only their own and a fieldworker only their jobs (another's is "not found");
 * admins see any of the business's.
 */
export const getProcedure = roleProcedure("customer", "admin", "fieldworker")
  .input(bookingId)
  .output(bookingOutput)
  .query(async ({ ctx, input }) => {
    const { role, id } = ctx.auth.user;
    const [view] = await bookingViews(
      ctx.db,
      ctx.auth.tenant.id,
      {
        bookingId: input.bookingId,
        ...(role === "customer" && { customerId: id }),
        ...(role === "fieldworker" && { fieldworkerId: id }),
      },
      role,
    );
    if (!view) throw notFound("This booking");
    return view;
  });

export const refundProcedure = roleProcedure("admin")
  .input(refundInput)
  .output(refundOutputShape)
  .mutation(({ ctx, input }) => refundBooking(ctx, ctx.auth, input));

/** What a refund would give back, for the refund dialog to confirm before anything is sent. */
export const refundPreviewProcedure = roleProcedure("admin")
  .input(refundPreviewInput)
  .output(refundPreviewOutput)
  .query(({ ctx, input }) => previewRefund(ctx, ctx.auth, input));

export const assignableFieldworkersProcedure = roleProcedure("admin")
  .input(z.void())
  .output(z.array(z.object({ id: z.string(), name: z.string() })))
  .query(({ ctx }) => assignableFieldworkers(ctx.db, ctx.auth.tenant.id));

/** Gives an unpaid booking to a fieldworker; the next payment attempt goes to them. */
export const assignFieldworkerProcedure = roleProcedure("admin")
  .input(assignInput)
  .output(z.object({ bookingId: z.string(), fieldworkerId: z.string() }))
  .mutation(({ ctx, input }) => assignFieldworker(ctx.db, ctx.auth, input));
