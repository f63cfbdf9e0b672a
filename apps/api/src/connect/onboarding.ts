// Stripe-hosted onboarding (Account Links) for a fieldworker, reading the account back from Stripe, and the way
// into their Stripe dashboard. Nothing here trusts a redirect: where a fieldworker stands is what Stripe says.
import type { Db } from "@fieldpay/db/client";
import {
  applyAccountSnapshot,
  attachStripeAccount,
  bumpLinkAttempt,
  ensureFieldworkerAccount,
  type FieldworkerAccount,
  findFieldworkerAccount,
} from "@fieldpay/db/repositories/fieldworker-accounts";
import { findUser } from "@fieldpay/db/repositories/users";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { ApiDeps } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { accountStatusView, snapshotOf } from "./account-status.ts";
import { appUrl } from "./app-url.ts";
import { requireConnect } from "./connect-strategy.ts";

type Deps = Pick<ApiDeps, "db" | "secretBox" | "stripeApiBase" | "strategies" | "allowedOrigins">;

/** Where Stripe sends the fieldworker back: refresh makes a new link, return re-reads the account. */
export const ONBOARDING_REFRESH_PATH = "/app/stripe/refresh";
export const ONBOARDING_RETURN_PATH = "/app/stripe/return";

const ACCOUNT_TAKEN = new DomainError(
  "conflict",
  "This Stripe account is already connected to another fieldworker.",
  "Each fieldworker needs their own Stripe account; contact the business's admin.",
);

const isTakenAccount = (error: unknown) =>
  error instanceof Error && "code" in error && error.code === "23505";

async function fieldworkerRow(db: Db, tenantId: string, userId: string): Promise<FieldworkerAccount> {
  const user = await findUser(db, tenantId, userId);
  if (user?.role !== "fieldworker") throw notFound("The fieldworker");
  await ensureFieldworkerAccount(db, tenantId, userId);
  const row = await findFieldworkerAccount(db, tenantId, userId);
  if (!row) throw notFound("The fieldworker");
  return row;
}

/**
 * A fresh single-use onboarding link. The connected account is created once per fieldworker (the idempotency key
 * is our fieldworker id, so a retry or a double click gets the same account back) with the business's chosen
 * account type; every link is a new attempt, because Stripe's links work once.
 */
export async function onboardingLink(deps: Deps, tenantId: string, userId: string) {
  const { settings, strategy } = await requireConnect(deps, tenantId);
  let row = await fieldworkerRow(deps.db, tenantId, userId);
  if (row.status === "deauthorized") {
    throw new DomainError(
      "conflict",
      "Your Stripe account was disconnected from this business.",
      "Ask the business's admin to reconnect you; they may need to invite you again.",
    );
  }
  if (!row.stripe_account_id) {
    const user = await findUser(deps.db, tenantId, userId);
    const created = await strategy.createConnectedAccount({
      tenantId,
      fieldworkerId: userId,
      type: settings.connect_account_type,
      ...(user && { email: user.email }),
    });
    if (!created.ok) throw fromPaymentError(created.error);
    await attachStripeAccount(deps.db, {
      tenantId,
      userId,
      stripeAccountId: created.account.id,
      accountType: settings.connect_account_type,
    }).catch((error: unknown) => {
      throw isTakenAccount(error) ? ACCOUNT_TAKEN : error;
    });
    row = await fieldworkerRow(deps.db, tenantId, userId);
  }
  const accountId = row.stripe_account_id;
  if (!accountId) throw new Error("the connected account id was not stored");
  const attempt = await bumpLinkAttempt(deps.db, tenantId, userId);
  const link = await strategy.createAccountLink({
    accountId,
    attempt,
    refreshUrl: appUrl(deps, ONBOARDING_REFRESH_PATH),
    returnUrl: appUrl(deps, ONBOARDING_RETURN_PATH),
  });
  if (!link.ok) throw fromPaymentError(link.error);
  return { url: link.url, expiresAt: new Date(link.expiresAt * 1000) };
}

/**
 * Asks Stripe where the account stands now and stores it (eventAt = now, so an older webhook arriving later
 * cannot overwrite it), then answers from what was stored. Used on return_url and by "Refresh status".
 */
export async function syncAccount(deps: Deps, tenantId: string, userId: string) {
  const row = await fieldworkerRow(deps.db, tenantId, userId);
  if (!row.stripe_account_id || row.status === "deauthorized") return accountStatusView(row);
  const { strategy } = await requireConnect(deps, tenantId);
  const fetched = await strategy.retrieveAccount({ accountId: row.stripe_account_id });
  if (!fetched.ok) throw fromPaymentError(fetched.error);
  await applyAccountSnapshot(deps.db, {
    tenantId,
    stripeAccountId: row.stripe_account_id,
    snapshot: snapshotOf(fetched.account),
    eventAt: new Date(),
  });
  return accountStatusView(await findFieldworkerAccount(deps.db, tenantId, userId));
}

const STANDARD_DASHBOARD = "https://dashboard.stripe.com/";

/** Express: a one-time login link. Standard: their own Stripe dashboard. Custom: the business manages it. */
export async function dashboardLink(deps: Deps, tenantId: string, userId: string) {
  const row = await fieldworkerRow(deps.db, tenantId, userId);
  if (!row.stripe_account_id) {
    throw new DomainError(
      "conflict",
      "You have not connected a Stripe account yet.",
      "Choose Set up payouts with Stripe first.",
    );
  }
  if (row.account_type === "standard") return { url: STANDARD_DASHBOARD, kind: "standard" as const };
  if (row.account_type === "custom") {
    throw new DomainError(
      "conflict",
      "Your Stripe account is managed by the business, so it has no Stripe dashboard of its own.",
      "Your earnings and payouts are on this page; ask the business's admin about anything else.",
    );
  }
  const { strategy } = await requireConnect(deps, tenantId);
  const attempt = await bumpLinkAttempt(deps.db, tenantId, userId);
  const link = await strategy.createLoginLink({ accountId: row.stripe_account_id, attempt });
  if (!link.ok) throw fromPaymentError(link.error);
  return { url: link.url, kind: "express" as const };
}

export async function accountView(db: Db, tenantId: string, userId: string) {
  return accountStatusView(await findFieldworkerAccount(db, tenantId, userId));
}
