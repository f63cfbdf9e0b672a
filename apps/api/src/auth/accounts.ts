// Account flows: business sign-up, staff and customer sign-in, password change. Procedures call these.
import type { Db } from "@fieldpay/db/client";
import { findTenantBySlug, insertTenant } from "@fieldpay/db/repositories/tenants";
import {
  findCustomerByEmail,
  findStaffByEmail,
  findUser,
  insertUser,
  setPasswordHash,
} from "@fieldpay/db/repositories/users";
import type { User } from "@fieldpay/db/schema";
import { DomainError, notFound } from "../errors.ts";
import { dummyVerify, hashPassword, verifyPassword } from "./password.ts";
import {
  type AttemptKeys,
  assertSignInAllowed,
  recordSignInFailure,
  recordSignInSuccess,
  signInAccountKey,
} from "./rate-limit.ts";
import { createSession, type IssuedSession, invalidateUserSessions } from "./session.ts";

const WRONG_CREDENTIALS = new DomainError(
  "invalid_credentials",
  "That email and password don't match an account.",
  "Check both and try again.",
);

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof Error) || !("code" in error) || error.code !== "23505") return false;
  return !constraint || ("constraint" in error && error.constraint === constraint);
}

export interface BusinessSignUp {
  businessName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
}

export async function signUpBusiness(db: Db, input: BusinessSignUp): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  try {
    const admin = await db.transaction().execute(async (trx) => {
      const tenant = await insertTenant(trx, { slug: input.slug, name: input.businessName });
      return insertUser(trx, {
        tenant_id: tenant.id,
        role: "admin",
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
      });
    });
    return createSession(db, { id: admin.id, tenantId: admin.tenant_id });
  } catch (error) {
    if (isUniqueViolation(error, "tenants_slug_key")) {
      throw new DomainError(
        "conflict",
        "That booking page address is already taken.",
        "Choose another short name for your business.",
      );
    }
    if (isUniqueViolation(error, "users_staff_email")) {
      throw new DomainError("conflict", "An account with this email already exists.", "Sign in instead.");
    }
    throw error;
  }
}

async function checkPassword(
  db: Db,
  user: User | undefined,
  password: string,
  keys: AttemptKeys,
): Promise<User> {
  await assertSignInAllowed(db, keys);
  const ok = user?.password_hash
    ? await verifyPassword(user.password_hash, password)
    : await dummyVerify(password);
  if (!user || !ok) {
    await recordSignInFailure(db, keys);
    throw WRONG_CREDENTIALS;
  }
  await recordSignInSuccess(db, keys);
  return user;
}

export async function signInStaff(
  db: Db,
  input: { email: string; password: string },
  ip: string,
): Promise<IssuedSession> {
  const email = input.email.toLowerCase();
  const user = await findStaffByEmail(db, email);
  const account = signInAccountKey({ role: "admin", tenantId: "", email });
  const signedIn = await checkPassword(db, user, input.password, { account, address: ip });
  return createSession(db, { id: signedIn.id, tenantId: signedIn.tenant_id });
}

export async function tenantForPortal(db: Db, slug: string) {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw notFound("This booking page");
  return tenant;
}

export async function signUpCustomer(
  db: Db,
  input: { tenantSlug: string; name: string; email: string; password: string },
): Promise<IssuedSession> {
  const tenant = await tenantForPortal(db, input.tenantSlug);
  const passwordHash = await hashPassword(input.password);
  try {
    const customer = await insertUser(db, {
      tenant_id: tenant.id,
      role: "customer",
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
    });
    return createSession(db, { id: customer.id, tenantId: tenant.id });
  } catch (error) {
    if (isUniqueViolation(error, "users_customer_email")) {
      throw new DomainError(
        "conflict",
        "You already have an account with this business.",
        "Sign in instead.",
      );
    }
    throw error;
  }
}

export async function signInCustomer(
  db: Db,
  input: { tenantSlug: string; email: string; password: string },
  ip: string,
): Promise<IssuedSession> {
  const tenant = await tenantForPortal(db, input.tenantSlug);
  const email = input.email.toLowerCase();
  const user = await findCustomerByEmail(db, tenant.id, email);
  const signedIn = await checkPassword(db, user, input.password, {
    account: signInAccountKey({ role: "customer", tenantId: tenant.id, email }),
    address: ip,
  });
  return createSession(db, { id: signedIn.id, tenantId: tenant.id });
}

/** Changes the password, signs out every session of the user (other devices too) and returns a fresh one. */
export async function changePassword(
  db: Db,
  who: { tenantId: string; userId: string },
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<IssuedSession> {
  const user = await findUser(db, who.tenantId, who.userId);
  if (!user) throw new DomainError("unauthenticated", "Sign in to continue.");
  await checkPassword(db, user, input.currentPassword, { account: `password:${user.id}`, address: ip }).catch(
    (error) => {
      if (error === WRONG_CREDENTIALS)
        throw new DomainError("invalid_credentials", "Your current password is not right.", "Type it again.");
      throw error;
    },
  );
  await setPasswordHash(db, who.tenantId, who.userId, await hashPassword(input.newPassword));
  await invalidateUserSessions(db, who.userId);
  return createSession(db, { id: who.userId, tenantId: who.tenantId });
}
