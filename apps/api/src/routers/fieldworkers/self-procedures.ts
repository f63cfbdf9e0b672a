// A fieldworker's own Stripe account: onboarding, status, dashboard, earnings. The fieldworker is always the
// signed-in user; no input can point at anyone else.
import { findFieldworkerAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import { z } from "zod";
import { earnings as earningsOf } from "../../connect/earnings.ts";
import { accountView, dashboardLink, onboardingLink, syncAccount } from "../../connect/onboarding.ts";
import { roleProcedure } from "../../trpc.ts";
import { accountStatus, earnings, link, period } from "./schemas.ts";

const fieldworker = roleProcedure("fieldworker");

export const myAccountProcedure = fieldworker
  .input(z.void())
  .output(accountStatus)
  .query(({ ctx }) => accountView(ctx.db, ctx.auth.tenant.id, ctx.auth.user.id));

/** Also what /app/stripe/refresh calls (after the app has re-checked the session) for a fresh link. */
export const startOnboardingProcedure = fieldworker
  .input(z.void())
  .output(link.extend({ expiresAt: z.date() }))
  .mutation(({ ctx }) => onboardingLink(ctx, ctx.auth.tenant.id, ctx.auth.user.id));

/** /app/stripe/return: coming back is not finishing, so Stripe is asked before anything is said. */
export const completeOnboardingProcedure = fieldworker
  .input(z.void())
  .output(accountStatus)
  .mutation(({ ctx }) => syncAccount(ctx, ctx.auth.tenant.id, ctx.auth.user.id));

export const dashboardLinkProcedure = fieldworker
  .input(z.void())
  .output(link.extend({ kind: z.enum(["express", "standard"]) }))
  .mutation(({ ctx }) => dashboardLink(ctx, ctx.auth.tenant.id, ctx.auth.user.id));

export const myEarningsProcedure = fieldworker
  .input(z.object({ period }).default({ period: "month" }))
  .output(earnings)
  .query(async ({ ctx, input }) => {
    const { tenant, user } = ctx.auth;
    const account = await findFieldworkerAccount(ctx.db, tenant.id, user.id);
    return earningsOf(ctx.db, {
      tenantId: tenant.id,
      fieldworkerId: user.id,
      accountId: account?.stripe_account_id ?? null,
      period: input.period,
      audience: "fieldworker",
    });
  });
