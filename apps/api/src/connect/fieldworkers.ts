// The admin's view of fieldworkers: who they are, where their Stripe account stands, and their commission.
import type { Db } from "@fieldpay/db/client";
import {
  ensureFieldworkerAccount,
  type FieldworkerAccount,
  findFieldworkerAccount,
  listFieldworkersWithAccounts,
  setFieldworkerCommission,
} from "@fieldpay/db/repositories/fieldworker-accounts";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { findUser } from "@fieldpay/db/repositories/users";
import { parseMoney } from "@fieldpay/payments/money";
import { commissionCapProblem } from "@fieldpay/payments/money/limits";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import { basisPointsToPercent, percentToBasisPoints } from "../business-stripe/payment-settings.ts";
import { DomainError, notFound } from "../errors.ts";
import { accountStatusView } from "./account-status.ts";
import { resolveCommission } from "./commission.ts";

type Settings = Awaited<ReturnType<typeof findPaymentSettings>>;

function commissionView(settings: Settings, account: FieldworkerAccount | null) {
  if (!settings) return null;
  const rule = resolveCommission({ settings, fieldworker: account });
  const currency = settings.currency;
  return {
    source: rule.source,
    percent: basisPointsToPercent(rule.basisPoints),
    fixed: toDecimalString(rule.fixed?.amount ?? 0, currency),
    currency,
    /** What the override fields hold (null: not overridden). */
    overridePercent: account?.commission_bps == null ? null : basisPointsToPercent(account.commission_bps),
    overrideFixed:
      account?.commission_fixed == null ? null : toDecimalString(account.commission_fixed, currency),
  };
}

export async function listFieldworkers(db: Db, tenantId: string) {
  const [rows, settings] = await Promise.all([
    listFieldworkersWithAccounts(db, tenantId),
    findPaymentSettings(db, tenantId),
  ]);
  return rows.map((row) => {
    const status = accountStatusView(row.account);
    return {
      id: row.userId,
      name: row.name,
      email: row.email,
      joinedAt: row.joinedAt,
      status: status.status,
      headline: status.headline,
      accountType: status.accountType,
      chargesEnabled: status.chargesEnabled,
      payoutsEnabled: status.payoutsEnabled,
      commission: commissionView(settings, row.account),
    };
  });
}

export async function requireFieldworker(db: Db, tenantId: string, userId: string) {
  const user = await findUser(db, tenantId, userId);
  if (user?.role !== "fieldworker") throw notFound("The fieldworker");
  return user;
}

export async function fieldworkerProfile(db: Db, tenantId: string, userId: string) {
  const user = await requireFieldworker(db, tenantId, userId);
  const [account, settings] = await Promise.all([
    findFieldworkerAccount(db, tenantId, userId),
    findPaymentSettings(db, tenantId),
  ]);
  return {
    fieldworker: { id: user.id, name: user.name, email: user.email, joinedAt: user.created_at },
    account: accountStatusView(account),
    accountId: account?.stripe_account_id ?? null,
    commission: commissionView(settings, account ?? null),
  };
}

const blank = (value: string | null | undefined) => value == null || value.trim() === "";

/** Blank fields fall back to the business default; both blank removes the override. */
export async function updateFieldworkerCommission(
  db: Db,
  tenantId: string,
  input: { fieldworkerId: string; percent: string | null; fixed: string | null },
) {
  await requireFieldworker(db, tenantId, input.fieldworkerId);
  const settings = await findPaymentSettings(db, tenantId);
  if (!settings) {
    throw new DomainError(
      "conflict",
      "Set up payments before giving a fieldworker their own commission.",
      "Go to Settings > Financial Settings > Payment integration.",
    );
  }
  const bps = blank(input.percent) ? null : percentToBasisPoints(input.percent ?? "", "percent");
  let fixed: number | null = null;
  if (!blank(input.fixed)) {
    const parsed = parseMoney({ value: (input.fixed ?? "").trim(), currency: settings.currency });
    if (!parsed.ok) {
      throw new DomainError("invalid_input", `Fixed commission: ${parsed.error.message}`, undefined, "fixed");
    }
    fixed = parsed.money.amount;
  }
  const capped = commissionCapProblem({ basisPoints: bps, fixed }, settings.currency);
  if (capped) throw new DomainError("invalid_input", capped.message, undefined, capped.field);
  await ensureFieldworkerAccount(db, tenantId, input.fieldworkerId);
  // Setting only one part still overrides as a whole: the other part counts as zero (see resolveCommission).
  await setFieldworkerCommission(db, {
    tenantId,
    userId: input.fieldworkerId,
    commissionBps: bps,
    commissionFixed: bps === null && fixed === null ? null : fixed,
  });
  return fieldworkerProfile(db, tenantId, input.fieldworkerId);
}
