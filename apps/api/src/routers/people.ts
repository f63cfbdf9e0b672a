import { listUsersByRole } from "@fieldpay/db/repositories/users";
import { z } from "zod";
import { customerResetDelivery, sendCustomerPasswordReset } from "../auth/password-reset.ts";
import { emailDelivery } from "../mail/delivery-status.ts";
import { roleProcedure, router } from "../trpc.ts";

const person = z.object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.date() });

export const peopleRouter = router({
  /** The business's customers, for its admins. */
  customers: roleProcedure("admin")
    .input(z.void())
    .output(z.array(person))
    .query(async ({ ctx }) => {
      const rows = await listUsersByRole(ctx.db, ctx.auth.tenant.id, "customer");
      return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, createdAt: u.created_at }));
    }),
  /** Emails one of the business's customers a link to choose a new password (they asked the business for help). */
  sendPasswordReset: roleProcedure("admin")
    .input(z.object({ customerId: z.uuid("Choose a customer from the list.") }))
    .output(z.object({ email: z.string(), resetId: z.string() }))
    .mutation(({ ctx, input }) =>
      sendCustomerPasswordReset(ctx, ctx.auth, input.customerId, ctx.request?.ip ?? "in-process"),
    ),
  /** Where that reset link's email stands: on its way, delivered, or failed with the server's answer. */
  passwordResetDelivery: roleProcedure("admin")
    .input(z.object({ resetId: z.uuid("Choose a reset link you sent.") }))
    .output(emailDelivery)
    .query(({ ctx, input }) => customerResetDelivery(ctx, ctx.auth, input.resetId)),
});
