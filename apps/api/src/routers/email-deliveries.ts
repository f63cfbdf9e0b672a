// Where an email the admin is waiting on stands, in plain words (mail/delivery-status.ts): the balance-due
// link a customer was sent for a finished job. Invitations carry theirs; a reset link's is people.passwordResetDelivery.
import { findBalanceDueEmail } from "@fieldpay/db/repositories/after-job-charges";
import { z } from "zod";
import { deliveryView, emailDelivery } from "../mail/delivery-status.ts";
import { roleProcedure, router } from "../trpc.ts";

export const emailDeliveriesRouter = router({
  /** The customer's "please pay the rest" email of this booking; null when none was sent. */
  balanceDue: roleProcedure("admin")
    .input(z.object({ bookingId: z.uuid("Choose a booking from the list.") }))
    .output(emailDelivery.nullable())
    .query(async ({ ctx, input }) => {
      const email = await findBalanceDueEmail(ctx.db, ctx.auth.tenant.id, input.bookingId);
      return email ? deliveryView(email) : null;
    }),
});
