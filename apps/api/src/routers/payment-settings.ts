import { findPaymentSettings, setDisputeLiability } from "@fieldpay/db/repositories/payment-settings";
import { KEY_MODES } from "@fieldpay/payments/keys";
import { CONNECT_ACCOUNT_TYPES } from "@fieldpay/payments/strategy";
import { z } from "zod";
import { getPaymentSettings, updatePaymentSettings } from "../business-stripe/payment-settings.ts";
import { DomainError } from "../errors.ts";
import { roleProcedure, router } from "../trpc.ts";

const key = (what: string) => z.string().trim().max(255, `${what} is too long: paste only the key.`);
const endpoint = z.object({ url: z.string(), events: z.array(z.string()) });
const endpoints = z.object({ account: endpoint, connect: endpoint });

// Strict output: anything not listed here (a sealed secret above all) cannot leave the api.
const settingsOutput = z.object({
  mode: z.enum(["direct", "connect"]),
  publishableKey: z.string(),
  secretKeyHint: z.string(),
  keyMode: z.enum(KEY_MODES),
  stripeAccountId: z.string(),
  webhookSecretHint: z.string().nullable(),
  connectWebhookSecretHint: z.string().nullable(),
  connectAccountType: z.enum(CONNECT_ACCOUNT_TYPES),
  commissionBps: z.number().int(),
  commissionFixed: z.number().int(),
  commissionPercent: z.string(),
  commissionFixedDecimal: z.string(),
  currency: z.string(),
  validatedAt: z.date(),
  disputeLiability: z.enum(["business", "fieldworker"]),
  endpoints,
});

export const updatePaymentSettingsInput = z.object({
  mode: z.enum(["direct", "connect"], { message: "Choose Stripe or Stripe Connect." }),
  publishableKey: key("The Publishable key").min(1, "Enter your Stripe Publishable key."),
  secretKey: key("The Secret key").optional(),
  webhookSecret: key("The webhook signing secret").optional(),
  connectWebhookSecret: key("The Connect webhook signing secret").optional(),
  connectAccountType: z.enum(CONNECT_ACCOUNT_TYPES, {
    message: "Choose Standard, Express or Custom.",
  }),
  commissionPercent: z.string().trim().max(10).default("0"),
  commissionFixed: z.string().trim().max(20).default("0"),
  currency: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{3}$/, "Use a three-letter currency code such as usd, eur or jpy."),
});

export const paymentSettingsRouter = router({
  get: roleProcedure("admin")
    .input(z.void())
    .output(z.object({ settings: settingsOutput.nullable(), endpoints }))
    .query(({ ctx }) => getPaymentSettings(ctx, ctx.auth.tenant.id)),

  /** Checks the keys with Stripe first; nothing is saved unless Stripe accepts them. */
  update: roleProcedure("admin")
    .input(updatePaymentSettingsInput)
    .output(z.object({ settings: settingsOutput, warnings: z.array(z.string()) }))
    .mutation(({ ctx, input }) => updatePaymentSettings(ctx, ctx.auth.tenant.id, input)),

  /** Who carries a lost dispute on destination charges: the business alone, or the fieldworker's share too. */
  setDisputeLiability: roleProcedure("admin")
    .input(
      z.object({
        liability: z.enum(["business", "fieldworker"], {
          message: "Choose who carries a lost dispute: your business, or the fieldworker's share.",
        }),
      }),
    )
    .output(z.object({ disputeLiability: z.enum(["business", "fieldworker"]) }))
    .mutation(async ({ ctx, input }) => {
      const settings = await findPaymentSettings(ctx.db, ctx.auth.tenant.id);
      if (settings?.mode !== "connect") {
        throw new DomainError(
          "conflict",
          "Only Stripe Connect has fieldworkers' shares to take back from.",
          "Switch to Stripe Connect under Payment integration first.",
        );
      }
      await setDisputeLiability(ctx.db, ctx.auth.tenant.id, input.liability);
      return { disputeLiability: input.liability };
    }),
});
