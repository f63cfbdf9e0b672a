// Demo fieldworkers of the Connect demo: invited and accepted the way real ones are, then given an Express account
// that Stripe has finished onboarding, stored the way the api stores a fresh retrieve of it.
import type { Db } from "@fieldpay/db/client";
import {
  applyAccountSnapshot,
  attachStripeAccount,
  ensureFieldworkerAccount,
  type FieldworkerAccount,
  findFieldworkerAccount,
} from "@fieldpay/db/repositories/fieldworker-accounts";
import { insertInvitation, revokeOpenInvitations } from "@fieldpay/db/repositories/invitations";
import { findStaffByEmail } from "@fieldpay/db/repositories/users";
import type { Tenant, User } from "@fieldpay/db/schema";
import type { ConnectedAccount } from "@fieldpay/payments/strategy";
import { hashLinkToken, newLinkToken } from "../auth/link-token.ts";
import { snapshotOf } from "../connect/account-status.ts";
import { acceptInvitation, INVITATION_LIFETIME_MS } from "../connect/invitations.ts";
import { type SeedLogin, sameTenant } from "./seed-shared.ts";

/**
 * The fieldworker as if they had accepted an emailed invitation: the admin sees it as accepted, and the user and
 * their (empty) account row come from the same acceptance code. No email is sent: the token never leaves here.
 */
export async function ensureInvitedFieldworker(
  db: Db,
  input: { tenant: Tenant; invitedBy: User; login: SeedLogin },
): Promise<User> {
  const { tenant, login } = input;
  const existing = await findStaffByEmail(db, login.email);
  if (existing) return sameTenant(existing, tenant, login);
  const token = newLinkToken();
  // A run that stopped between inviting and accepting left an open invitation: the newest one counts.
  await revokeOpenInvitations(db, tenant.id, { email: login.email });
  await insertInvitation(db, {
    tenantId: tenant.id,
    email: login.email,
    name: login.name,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    invitedBy: input.invitedBy.id,
  });
  // Acceptance also starts a session; its token is dropped here, so nobody can use it.
  await acceptInvitation(db, { token, name: login.name, password: login.password });
  const user = await findStaffByEmail(db, login.email);
  if (!user) throw new Error(`${login.email} was not created by accepting the invitation`);
  return user;
}

/**
 * An Express account as Stripe describes one that finished onboarding and may take charges and transfers: details
 * submitted, charges and payouts enabled, both capabilities active, nothing due, nothing disabled.
 */
export function onboardedExpressAccount(id: string, email: string): ConnectedAccount {
  return {
    id,
    type: "express",
    country: "US",
    defaultCurrency: "usd",
    email,
    chargesEnabled: true,
    payoutsEnabled: true,
    detailsSubmitted: true,
    requirements: {
      currentlyDue: [],
      eventuallyDue: [],
      pastDue: [],
      pendingVerification: [],
      disabledReason: null,
      currentDeadline: null,
    },
    capabilities: { card_payments: "active", transfers: "active" },
  };
}

/**
 * Attaches the connected account and stores what Stripe says about it, together, and only for a fieldworker who
 * has none yet: a row a developer changed since (say with "Refresh status" against stripe-mock) stays as it is.
 */
export async function ensureReadyAccount(
  db: Db,
  input: { tenantId: string; user: User; stripeAccountId: string; onboardedAt: Date },
): Promise<FieldworkerAccount> {
  const { tenantId, user, stripeAccountId } = input;
  const current = await findFieldworkerAccount(db, tenantId, user.id);
  if (current?.stripe_account_id) return current;
  await db.transaction().execute(async (trx) => {
    await ensureFieldworkerAccount(trx, tenantId, user.id);
    await attachStripeAccount(trx, { tenantId, userId: user.id, stripeAccountId, accountType: "express" });
    await applyAccountSnapshot(trx, {
      tenantId,
      stripeAccountId,
      snapshot: snapshotOf(onboardedExpressAccount(stripeAccountId, user.email)),
      eventAt: input.onboardedAt,
    });
  });
  const row = await findFieldworkerAccount(db, tenantId, user.id);
  if (row?.stripe_account_id !== stripeAccountId) {
    throw new Error(`${user.email} did not get the connected account ${stripeAccountId}`);
  }
  return row;
}
