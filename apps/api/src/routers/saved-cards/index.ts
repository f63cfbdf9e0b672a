// A customer's saved cards: save one (SetupIntent confirmed in the browser), list them, remove one.
import { z } from "zod";
import { listSavedCards, removeSavedCard, startSavingCard } from "../../booking/saved-cards.ts";
import { roleProcedure, router } from "../../trpc.ts";

const cardOutput = z.object({
  paymentMethodId: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
});

export const savedCardsRouter = router({
  list: roleProcedure("customer")
    .input(z.void())
    .output(z.array(cardOutput))
    .query(({ ctx }) => listSavedCards(ctx, ctx.auth)),

  /** A SetupIntent for the save-card form just opened. */
  startSetup: roleProcedure("customer")
    .input(z.void())
    .output(z.object({ clientSecret: z.string(), publishableKey: z.string() }))
    .mutation(({ ctx }) => startSavingCard(ctx, ctx.auth)),

  remove: roleProcedure("customer")
    .input(
      z.object({ paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]{1,100}$/, "Choose a saved card.") }),
    )
    .output(z.object({ paymentMethodId: z.string() }))
    .mutation(({ ctx, input }) => removeSavedCard(ctx, ctx.auth, input.paymentMethodId)),
});
