// The admin's fieldworker pages: list, one fieldworker's account, money and commission, and the split preview.

import { findBooking } from "@fieldpay/db/repositories/bookings";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { parseMoney } from "@fieldpay/payments/money";
import { z } from "zod";
import { previewSplit } from "../../connect/commission.ts";
import { earnings as earningsOf } from "../../connect/earnings.ts";
import {
  fieldworkerProfile,
  listFieldworkers,
  updateFieldworkerCommission,
} from "../../connect/fieldworkers.ts";
import { syncAccount } from "../../connect/onboarding.ts";
import { DomainError } from "../../errors.ts";
import { roleProcedure } from "../../trpc.ts";
import {
  accountStatus,
  earnings,
  fieldworkerId,
  fieldworkerRow,
  period,
  profile,
  splitPreview,
} from "./schemas.ts";

const admin = roleProcedure("admin");

export const listProcedure = admin
  .input(z.void())
  .output(z.array(fieldworkerRow))
  .query(({ ctx }) => listFieldworkers(ctx.db, ctx.auth.tenant.id));

export const getProcedure = admin
  .input(z.object({ fieldworkerId, period }))
  .output(profile.extend({ earnings }))
  .query(async ({ ctx, input }) => {
    const tenantId = ctx.auth.tenant.id;
    const found = await fieldworkerProfile(ctx.db, tenantId, input.fieldworkerId);
    const money = await earningsOf(ctx.db, {
      tenantId,
      fieldworkerId: input.fieldworkerId,
      accountId: found.accountId,
      period: input.period,
      audience: "admin",
    });
    return { ...found, earnings: money };
  });

const commissionPart = z.string().trim().max(20).nullable();

export const setCommissionProcedure = admin
  .input(z.object({ fieldworkerId, percent: commissionPart, fixed: commissionPart }))
  .output(profile)
  .mutation(({ ctx, input }) => updateFieldworkerCommission(ctx.db, ctx.auth.tenant.id, input));

/** Manual refresh: admins for any of their fieldworkers, a fieldworker for themselves only. */
export const refreshStatusProcedure = roleProcedure("admin", "fieldworker")
  .input(z.object({ fieldworkerId: fieldworkerId.optional() }))
  .output(accountStatus)
  .mutation(async ({ ctx, input }) => {
    const { user, tenant } = ctx.auth;
    if (user.role === "fieldworker") return syncAccount(ctx, tenant.id, user.id);
    if (!input.fieldworkerId) throw new DomainError("invalid_input", "Choose a fieldworker to refresh.");
    return syncAccount(ctx, tenant.id, input.fieldworkerId);
  });

export const previewSplitProcedure = admin
  .input(
    z.object({
      /** As typed, in the currency's major unit ("120.00"). */
      amount: z.string().trim().min(1, "Enter an amount.").max(20),
      fieldworkerId: fieldworkerId.optional(),
      bookingId: z.uuid("Choose a booking from the list.").optional(),
    }),
  )
  .output(splitPreview)
  .query(async ({ ctx, input }) => {
    const tenantId = ctx.auth.tenant.id;
    const booking = input.bookingId ? await findBooking(ctx.db, tenantId, input.bookingId) : undefined;
    const settings = await findPaymentSettings(ctx.db, tenantId);
    const currency = booking?.currency ?? settings?.currency ?? "usd";
    const parsed = parseMoney({ value: input.amount, currency });
    if (!parsed.ok) throw new DomainError("invalid_input", `Amount: ${parsed.error.message}`);
    return previewSplit(ctx.db, tenantId, {
      charge: parsed.money,
      fieldworkerId: input.fieldworkerId,
      bookingId: input.bookingId,
    });
  });
