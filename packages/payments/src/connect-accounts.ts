import type Stripe from "stripe";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { idempotencyKey } from "./idempotency.ts";
import type {
  AccountLinkInput,
  ConnectAccountType,
  ConnectedAccount,
  CreateConnectedAccountInput,
} from "./strategy.ts";

/**
 * Who runs the dashboard, pays Stripe's fees, carries losses and collects requirements, per account type. API
 * version 2026-10-28.endive deprecates `type` and refuses it next to `controller`, so the classic types are
 * expressed as their controller equivalents.
 */
const CONTROLLER: Readonly<Record<ConnectAccountType, Stripe.AccountCreateParams.Controller>> = {
  standard: {
    stripe_dashboard: { type: "full" },
    fees: { payer: "account" },
    losses: { payments: "stripe" },
    requirement_collection: "stripe",
  },
  express: {
    stripe_dashboard: { type: "express" },
    fees: { payer: "application" },
    losses: { payments: "application" },
    requirement_collection: "stripe",
  },
  custom: {
    stripe_dashboard: { type: "none" },
    fees: { payer: "application" },
    losses: { payments: "application" },
    requirement_collection: "application",
  },
};

export function createConnectedAccount(
  stripe: Stripe,
  input: CreateConnectedAccountInput,
  defaultType: ConnectAccountType,
): Promise<Outcome<{ account: ConnectedAccount }>> {
  const type = input.type ?? defaultType;
  return stripeCall(async () => {
    const account = await stripe.accounts.create(
      {
        controller: CONTROLLER[type],
        // Standard accounts choose their own capabilities in their dashboard; Express and Custom accounts need
        // card payments (destination charges on_behalf_of them) and transfers (their share of each booking).
        ...(type !== "standard" && {
          capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        }),
        ...(input.country !== undefined && { country: input.country }),
        ...(input.email !== undefined && { email: input.email }),
        metadata: { tenant_id: input.tenantId, fieldworker_id: input.fieldworkerId },
      },
      { idempotencyKey: idempotencyKey("account:create", [input.tenantId, input.fieldworkerId]) },
    );
    return { account: toConnectedAccount(account) };
  });
}

export async function createAccountLink(
  stripe: Stripe,
  input: AccountLinkInput,
): Promise<Outcome<{ url: string; expiresAt: number }>> {
  const badUrl = [input.refreshUrl, input.returnUrl].find((url) => !URL.canParse(url));
  if (badUrl !== undefined) {
    return failure("invalid_input", {
      message: "The onboarding return and refresh addresses must be full URLs.",
    });
  }
  return stripeCall(async () => {
    const link = await stripe.accountLinks.create(
      {
        account: input.accountId,
        type: "account_onboarding",
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
      },
      { idempotencyKey: idempotencyKey("account_link:create", [input.accountId, input.attempt]) },
    );
    return { url: link.url, expiresAt: link.expires_at };
  });
}

export async function createLoginLink(
  stripe: Stripe,
  input: { accountId: string; attempt: number },
): Promise<Outcome<{ url: string }>> {
  // Ask Stripe rather than trust our records: the account type is what Stripe says it is.
  const fetched = await retrieveAccount(stripe, input);
  if (!fetched.ok) return fetched;
  if (fetched.account.type !== "express") return failure("login_link_not_available");
  return stripeCall(async () => {
    const link = await stripe.accounts.createLoginLink(
      input.accountId,
      {},
      { idempotencyKey: idempotencyKey("login_link:create", [input.accountId, input.attempt]) },
    );
    return { url: link.url };
  });
}

export function retrieveAccount(
  stripe: Stripe,
  input: { accountId: string },
): Promise<Outcome<{ account: ConnectedAccount }>> {
  return stripeCall(async () => ({
    account: toConnectedAccount(await stripe.accounts.retrieve(input.accountId)),
  }));
}

function accountType(account: Stripe.Account): ConnectedAccount["type"] {
  switch (account.controller?.stripe_dashboard?.type) {
    case "full":
      return "standard";
    case "express":
      return "express";
    case "none":
      return "custom";
  }
  // Accounts made before controller properties existed only carry the deprecated `type`.
  const legacy: string | undefined = account.type;
  return legacy === "standard" || legacy === "express" || legacy === "custom" ? legacy : "unknown";
}

export function toConnectedAccount(account: Stripe.Account): ConnectedAccount {
  const requirements = account.requirements;
  return {
    id: account.id,
    type: accountType(account),
    country: account.country ?? null,
    defaultCurrency: account.default_currency ?? null,
    email: account.email ?? null,
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    requirements: {
      currentlyDue: requirements?.currently_due ?? [],
      eventuallyDue: requirements?.eventually_due ?? [],
      pastDue: requirements?.past_due ?? [],
      pendingVerification: requirements?.pending_verification ?? [],
      disabledReason: requirements?.disabled_reason ?? null,
      currentDeadline: requirements?.current_deadline ?? null,
    },
    capabilities: Object.fromEntries(
      Object.entries(account.capabilities ?? {}).flatMap(([name, status]) =>
        typeof status === "string" ? [[name, status]] : [],
      ),
    ),
  };
}
