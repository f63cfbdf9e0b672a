import { listUsersByRole } from "@fieldpay/db/repositories/users";
import { z } from "zod";
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
});
