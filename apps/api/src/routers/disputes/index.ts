// Disputes (admins): every dispute of the business or of one booking, one dispute, and answering it with evidence.
import { z } from "zod";
import { disputeViews, findDisputeView } from "../../disputes/dispute-view.ts";
import { submitEvidence } from "../../disputes/submit-evidence.ts";
import { roleProcedure, router } from "../../trpc.ts";
import { disputeId, disputeOutput, listInput, submitEvidenceInput } from "./schemas.ts";

export const disputesRouter = router({
  list: roleProcedure("admin")
    .input(listInput)
    .output(z.array(disputeOutput))
    .query(({ ctx, input }) =>
      disputeViews(ctx.db, ctx.auth.tenant, input?.bookingId ? { bookingId: input.bookingId } : {}),
    ),
  get: roleProcedure("admin")
    .input(disputeId)
    .output(disputeOutput)
    .query(({ ctx, input }) => findDisputeView(ctx.db, ctx.auth.tenant, input.disputeId)),
  /** Sends the evidence to Stripe: `submit` for the bank's decision (final), or saved there as a draft. */
  submitEvidence: roleProcedure("admin")
    .input(submitEvidenceInput)
    .output(disputeOutput)
    .mutation(({ ctx, input }) => submitEvidence(ctx, ctx.auth, input)),
});
