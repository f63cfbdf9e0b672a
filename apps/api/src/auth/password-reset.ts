// "Forgot your password?": a single-use link by email, valid for an hour. Asking never says whether the address
// has an account; using the link sets the password, signs out every session of the user and signs them in.
import { findEmailByKey, queueEmail } from "@fieldpay/db/repositories/emails";
import {
  claimPasswordReset,
  findPasswordResetByTokenHash,
  replacePasswordReset,
} from "@fieldpay/db/repositories/password-resets";
import {
  findCustomerByEmail,
  findStaffByEmail,
  findUser,
  setPasswordHash,
} from "@fieldpay/db/repositories/users";
import type { User } from "@fieldpay/db/schema";
import { appUrl } from "../connect/app-url.ts";
import type { ApiDeps, Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { deliveryView } from "../mail/delivery-status.ts";
import { tenantForPortal } from "./accounts.ts";
import { hashLinkToken, LINK_TOKEN, newLinkToken } from "./link-token.ts";
import { hashPassword } from "./password.ts";
import {
  type AttemptKeys,
  assertResetAllowed,
  recordSignInFailure,
  recordSignInSuccess,
  signInAccountKey,
} from "./rate-limit.ts";
import { createSession, invalidateUserSessions } from "./session.ts";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

type Deps = Pick<ApiDeps, "db" | "allowedOrigins" | "log">;

/** Reset emails for one account are limited wherever they are asked for (rate-limit.ts). */
async function countResetRequest(deps: Deps, account: string, ip: string): Promise<void> {
  const keys: AttemptKeys = { account: `reset:${account}`, address: `reset:${ip}` };
  await assertResetAllowed(deps.db, keys);
  await recordSignInFailure(deps.db, keys);
}

const resetEmailKey = (resetId: string) => `password_reset:${resetId}`;

/** Opens a fresh link for the user (an earlier one stops working) and queues its email in the same transaction. */
async function emailResetLink(deps: Deps, user: User): Promise<string> {
  const token = newLinkToken();
  return deps.db.transaction().execute(async (trx) => {
    const reset = await replacePasswordReset(trx, {
      tenantId: user.tenant_id,
      userId: user.id,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(Date.now() + RESET_LIFETIME_MS),
    });
    const email = await queueEmail(trx, {
      tenantId: user.tenant_id,
      to: user.email,
      userId: user.id,
      template: "password_reset",
      props: { name: user.name, link: appUrl(deps, `/reset-password/${token}`) },
      dedupeKey: resetEmailKey(reset.id),
    });
    // By ids only: the log never holds an address.
    deps.log.info(
      { tenantId: user.tenant_id, userId: user.id, emailId: email.id },
      "[mail] password reset email queued",
    );
    return reset.id;
  });
}

/**
 * Emails a reset link when the address has an account (staff, or a customer of the business at `tenantSlug`),
 * and answers the same either way (the email's delivery is the worker's, and its problems go to its log).
 */
export async function requestPasswordReset(
  deps: Deps,
  input: { email: string; tenantSlug?: string | undefined },
  ip: string,
): Promise<void> {
  const email = input.email.toLowerCase();
  const tenant = input.tenantSlug === undefined ? null : await tenantForPortal(deps.db, input.tenantSlug);
  const role = tenant ? "customer" : "admin";
  await countResetRequest(deps, signInAccountKey({ role, tenantId: tenant?.id ?? "", email }), ip);
  const user = tenant
    ? await findCustomerByEmail(deps.db, tenant.id, email)
    : await findStaffByEmail(deps.db, email);
  if (!user) return;
  await emailResetLink(deps, user);
}

/**
 * An admin sends one of the business's customers a reset link (a customer who called for help). The admin knows
 * the account exists, so the email's delivery is theirs to follow (customerResetDelivery), with the fix.
 */
export async function sendCustomerPasswordReset(deps: Deps, auth: Auth, customerId: string, ip: string) {
  const user = await findUser(deps.db, auth.tenant.id, customerId);
  if (user?.role !== "customer") throw notFound("This customer");
  await countResetRequest(
    deps,
    signInAccountKey({ role: "customer", tenantId: auth.tenant.id, email: user.email }),
    ip,
  );
  const resetId = await emailResetLink(deps, user);
  return { email: user.email, resetId };
}

/** Where the reset link an admin sent for a customer stands (the badge beside "Send a reset link"). */
export async function customerResetDelivery(deps: Pick<ApiDeps, "db">, auth: Auth, resetId: string) {
  const email = await findEmailByKey(deps.db, auth.tenant.id, resetEmailKey(resetId));
  if (!email) throw notFound("This reset link");
  return deliveryView(email);
}

const ASK_AGAIN = "Ask for a new link with “Forgot your password?” on the sign-in page.";

/** The reset behind a link, or why it cannot be used. */
async function usableReset(deps: Deps, token: string, now = new Date()) {
  const found = LINK_TOKEN.test(token)
    ? await findPasswordResetByTokenHash(deps.db, hashLinkToken(token))
    : undefined;
  if (!found) throw new DomainError("not_found", "This reset link is not valid.", ASK_AGAIN);
  if (found.reset.used_at) {
    throw new DomainError(
      "conflict",
      "This reset link was already used.",
      "Sign in with your new password, or ask for a new link.",
    );
  }
  if (new Date(found.reset.expires_at) <= now) {
    throw new DomainError("conflict", "This reset link has expired (links last an hour).", ASK_AGAIN);
  }
  return found;
}

export async function describePasswordReset(deps: Deps, token: string) {
  const { user, tenant } = await usableReset(deps, token);
  return {
    email: user.email,
    businessName: tenant.name,
    portalSlug: user.role === "customer" ? tenant.slug : null,
  };
}

/** Sets the new password, ends every session of the user, lifts a sign-in lockout and signs them in. */
export async function resetPassword(deps: Deps, input: { token: string; password: string }, ip: string) {
  const { reset, user, tenant } = await usableReset(deps, input.token);
  const passwordHash = await hashPassword(input.password);
  const claimed = await deps.db.transaction().execute(async (trx) => {
    if (!(await claimPasswordReset(trx, reset.id, new Date()))) return false;
    await setPasswordHash(trx, reset.tenant_id, reset.user_id, passwordHash);
    await invalidateUserSessions(trx, reset.user_id);
    return true;
  });
  if (!claimed) {
    // Another tab used the link (or it expired) between the check and now: say which.
    await usableReset(deps, input.token);
    throw new DomainError("conflict", "This reset link was already used.", ASK_AGAIN);
  }
  // The sign-in lockout of the account ends with its old password.
  const account = signInAccountKey({ role: user.role, tenantId: reset.tenant_id, email: user.email });
  await recordSignInSuccess(deps.db, { account, address: ip });
  const session = await createSession(deps.db, { id: reset.user_id, tenantId: reset.tenant_id });
  return { session, portalSlug: user.role === "customer" ? tenant.slug : null };
}
