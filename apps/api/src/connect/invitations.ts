// Inviting fieldworkers: a single-use link by email that expires in 7 days and can be withdrawn; accepting it
// creates the fieldworker in the inviting business and signs them in.
import type { Db } from "@fieldpay/db/client";
import { findEmailByKey, queueEmail } from "@fieldpay/db/repositories/emails";
import { ensureFieldworkerAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import {
  claimInvitation,
  findInvitation,
  findInvitationByTokenHash,
  hasNewerInvitation,
  type Invitation,
  insertInvitation,
  listInvitations,
  revokeOpenInvitations,
} from "@fieldpay/db/repositories/invitations";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { findStaffByEmail, insertUser } from "@fieldpay/db/repositories/users";
import { dayWords } from "@fieldpay/payments/day-words";
import { hashLinkToken, LINK_TOKEN, newLinkToken } from "../auth/link-token.ts";
import { hashPassword } from "../auth/password.ts";
import { createSession, type IssuedSession } from "../auth/session.ts";
import type { ApiDeps, Auth } from "../context.ts";
import { DomainError } from "../errors.ts";
import { deliveryView, type EmailDeliveryView } from "../mail/delivery-status.ts";
import { appUrl } from "./app-url.ts";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export function invitationState(invitation: Invitation, now = new Date()): InvitationState {
  if (invitation.accepted_at) return "accepted";
  if (invitation.revoked_at) return "revoked";
  return new Date(invitation.expires_at) <= now ? "expired" : "open";
}

export const invitationEmailKey = (invitationId: string) => `invitation:${invitationId}`;

export function invitationView(invitation: Invitation, email: EmailDeliveryView | null = null) {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    state: invitationState(invitation),
    expiresAt: new Date(invitation.expires_at),
    createdAt: invitation.created_at,
    delivery: email,
  };
}

async function invitationEmailView(db: Db, invitation: Invitation) {
  const email = await findEmailByKey(db, invitation.tenant_id, invitationEmailKey(invitation.id));
  return invitationView(invitation, email ? deliveryView(email) : null);
}

/** Fieldworkers are paid through Stripe Connect: a business taking payments directly has no way to pay them. */
export const DIRECT_MODE = new DomainError(
  "conflict",
  "Fieldworkers can be invited once your business uses Stripe Connect: with Stripe alone there is no way to pay them.",
  "Open Settings > Payment integration, choose Stripe Connect and save; then invite your fieldworkers.",
);

/** Sends a fresh invitation; an earlier open one to the same address stops working (the newest link counts). */
export async function inviteFieldworker(
  deps: Pick<ApiDeps, "db" | "allowedOrigins">,
  auth: Auth,
  input: { email: string; name: string },
) {
  const tenantId = auth.tenant.id;
  const existing = await findStaffByEmail(deps.db, input.email);
  if (existing) {
    throw new DomainError(
      "conflict",
      existing.tenant_id === tenantId
        ? "This person already has a fieldpay account in your business."
        : "This email already belongs to a fieldpay account.",
      "Use another email address for this fieldworker.",
    );
  }
  const settings = await findPaymentSettings(deps.db, tenantId);
  if (settings?.mode === "direct") throw DIRECT_MODE;
  const token = newLinkToken();
  // The email is a row in the invitation's own transaction: the worker delivers it (no wait for SMTP here), and
  // the admin sees how that went on the invitation.
  const invitation = await deps.db.transaction().execute(async (trx) => {
    await revokeOpenInvitations(trx, tenantId, { email: input.email });
    const row = await insertInvitation(trx, {
      tenantId,
      email: input.email,
      name: input.name,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      invitedBy: auth.user.id,
    });
    await queueEmail(trx, {
      tenantId,
      to: row.email,
      userId: null,
      template: "invitation",
      props: {
        name: input.name,
        link: appUrl(deps, `/invite/${token}`),
        connect: settings?.mode === "connect",
      },
      dedupeKey: invitationEmailKey(row.id),
    });
    return row;
  });
  return invitationEmailView(deps.db, invitation);
}

/**
 * Sends an invitation again with a fresh link and 7 more days (the email got lost, or the link expired); the old
 * link stops working. An accepted invitation has nothing left to send.
 */
export async function resendInvitation(
  deps: Pick<ApiDeps, "db" | "allowedOrigins">,
  auth: Auth,
  invitationId: string,
) {
  const invitation = await findInvitation(deps.db, auth.tenant.id, invitationId);
  if (!invitation) throw new DomainError("not_found", "This invitation was not found.", "Refresh the list.");
  if (invitation.accepted_at) {
    throw new DomainError(
      "conflict",
      "This invitation was already accepted.",
      "The fieldworker signs in with their own password now.",
    );
  }
  return inviteFieldworker(deps, auth, { email: invitation.email, name: invitation.name });
}

export async function listInvitationViews(db: Db, tenantId: string) {
  return Promise.all((await listInvitations(db, tenantId)).map((inv) => invitationEmailView(db, inv)));
}

export async function revokeInvitation(db: Db, tenantId: string, invitationId: string) {
  const revoked = await revokeOpenInvitations(db, tenantId, { id: invitationId });
  if (revoked === 0) {
    throw new DomainError(
      "conflict",
      "This invitation is not open any more (it was accepted, withdrawn or does not exist).",
      "Refresh the list to see where it stands.",
    );
  }
}

const INVALID_LINK = new DomainError(
  "not_found",
  "This invitation link is not valid.",
  "Check that you opened the whole link from the email, or ask the business to send a new invitation.",
);

const REFUSALS: Record<Exclude<InvitationState, "open">, (inv: Invitation) => DomainError> = {
  accepted: () =>
    new DomainError(
      "conflict",
      "This invitation has already been used.",
      "Sign in with the email and password you chose when you accepted it.",
    ),
  revoked: () =>
    new DomainError(
      "conflict",
      "The business withdrew this invitation.",
      "Ask them to send you a new one if you should have access.",
    ),
  expired: (inv) =>
    new DomainError(
      "conflict",
      `This invitation expired on ${dayWords(new Date(inv.expires_at))}.`,
      "Ask the business to send you a new invitation.",
    ),
};

const REPLACED = (inv: { email: string; tenant_name: string }) =>
  new DomainError(
    "conflict",
    `A newer invitation was sent to ${inv.email}, so this link no longer works.`,
    `Open the link in the most recent email from ${inv.tenant_name} (check your spam folder too).`,
  );

/** The open invitation behind a token, or the reason it cannot be used. */
async function openInvitation(db: Db, token: string) {
  if (!LINK_TOKEN.test(token)) throw INVALID_LINK;
  const invitation = await findInvitationByTokenHash(db, hashLinkToken(token));
  if (!invitation) throw INVALID_LINK;
  const state = invitationState(invitation);
  // "Send again" withdraws the earlier link: that is a newer invitation, not the business changing its mind.
  if (state === "revoked" && (await hasNewerInvitation(db, invitation))) throw REPLACED(invitation);
  if (state !== "open") throw REFUSALS[state](invitation);
  return invitation;
}

/** What the accept page shows before the fieldworker chooses a password. */
export async function describeInvitation(db: Db, token: string) {
  const invitation = await openInvitation(db, token);
  return {
    businessName: invitation.tenant_name,
    email: invitation.email,
    name: invitation.name,
    expiresAt: new Date(invitation.expires_at),
  };
}

function isStaffEmailTaken(error: unknown): boolean {
  return (
    error instanceof Error &&
    "constraint" in error &&
    error.constraint === "users_staff_email" &&
    "code" in error &&
    error.code === "23505"
  );
}

/** Creates the fieldworker (in the inviting business only), uses the invitation up, and starts their session. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
): Promise<IssuedSession> {
  const invitation = await openInvitation(db, input.token);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, {
        tenant_id: invitation.tenant_id,
        role: "fieldworker",
        email: invitation.email,
        name: input.name,
        password_hash: passwordHash,
      });
      // Two tabs racing with one link: the loser's user row rolls back with this.
      const claimed = await claimInvitation(trx, { id: invitation.id, userId: created.id, now: new Date() });
      if (!claimed) throw REFUSALS.accepted(invitation);
      await ensureFieldworkerAccount(trx, invitation.tenant_id, created.id);
      return created;
    });
    return createSession(db, { id: user.id, tenantId: user.tenant_id });
  } catch (error) {
    if (isStaffEmailTaken(error)) {
      throw new DomainError(
        "conflict",
        "An account with this email already exists.",
        "Sign in with it instead, or ask the business to invite another address.",
      );
    }
    throw error;
  }
}
