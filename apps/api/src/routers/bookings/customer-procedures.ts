// What a customer does on the booking page: see what can be booked, book, pay, and check the payment.
import { z } from "zod";
import { bookingViews } from "../../booking/booking-view.ts";
import { bookingOptions, createBooking } from "../../booking/create-booking.ts";
import { payBooking } from "../../booking/pay-booking.ts";
import { refreshPayment } from "../../booking/payment-status.ts";
import { listServiceViews } from "../../booking/services.ts";
import { roleProcedure } from "../../trpc.ts";
import {
  bookingId,
  bookingOutput,
  createBookingInput,
  optionsOutput,
  payOutput,
  refreshOutput,
} from "./schemas.ts";

export const optionsProcedure = roleProcedure("customer")
  .input(z.void())
  .output(optionsOutput)
  .query(async ({ ctx }) => ({
    ...(await bookingOptions(ctx.db, ctx.auth.tenant.id)),
    services: await listServiceViews(ctx.db, ctx.auth.tenant.id, true),
  }));

export const createProcedure = roleProcedure("customer")
  .input(createBookingInput)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => createBooking(ctx.db, ctx.auth, input));

export const mineProcedure = roleProcedure("customer")
  .input(z.void())
  .output(z.array(bookingOutput))
  .query(({ ctx }) => bookingViews(ctx.db, ctx.auth.tenant.id, { customerId: ctx.auth.user.id }, "customer"));

/** Opens (or resumes) the payment; `newAttempt` is the explicit "try again with another card" after a failure. */
export const payProcedure = roleProcedure("customer")
  .input(bookingId.extend({ newAttempt: z.boolean().default(false) }))
  .output(payOutput)
  .mutation(({ ctx, input }) => payBooking(ctx, ctx.auth, input));

/** Asks Stripe where the payment stands; `declineCode` is what Stripe.js told the browser, for the wording only. */
export const refreshPaymentProcedure = roleProcedure("customer", "admin")
  .input(
    bookingId.extend({
      declineCode: z
        .string()
        .regex(/^[a-z_]{1,60}$/)
        .optional(),
    }),
  )
  .output(refreshOutput)
  .mutation(({ ctx, input }) => refreshPayment(ctx, ctx.auth, input));
