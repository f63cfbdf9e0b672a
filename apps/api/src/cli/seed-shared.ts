// What both demo businesses are seeded with: people who can sign in, services, and the lines the seed prints.
// Each helper leaves what exists alone, so running the seed again changes nothing.
import type { Db } from "@fieldpay/db/client";
import { listServices } from "@fieldpay/db/repositories/services";
import { findCustomerByEmail, findStaffByEmail, insertUser } from "@fieldpay/db/repositories/users";
import type { Role, Tenant, User } from "@fieldpay/db/schema";
import { hashPassword } from "../auth/password.ts";
import { createService, type ServiceInput } from "../booking/services.ts";
import type { SettingsDeps } from "../business-stripe/payment-settings.ts";

/** What seeding needs: the database, and what saving payment settings needs (sealing, checking the keys). */
export type SeedDeps = SettingsDeps;

/** A demo sign-in, printed for developers. Demo only: these accounts exist in local demo businesses alone. */
export interface SeedLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
}

export interface SeedResult {
  tenant: Tenant;
  logins: SeedLogin[];
}

export const DAY_MS = 86_400_000;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** An admin or fieldworker: staff emails are unique across businesses, so one in another business is an error. */
export async function ensureStaff(db: Db, tenant: Tenant, login: SeedLogin): Promise<User> {
  const existing = await findStaffByEmail(db, login.email);
  if (existing) return sameTenant(existing, tenant, login);
  return insertUser(db, {
    tenant_id: tenant.id,
    role: login.role,
    email: login.email,
    name: login.name,
    password_hash: await hashPassword(login.password),
  });
}

export function sameTenant(user: User, tenant: Tenant, login: SeedLogin): User {
  // The printed password would not work for an account that belongs to someone else.
  if (user.tenant_id !== tenant.id || user.role !== login.role) {
    throw new Error(`${login.email} already exists outside ${tenant.slug} (or with another role)`);
  }
  return user;
}

/** Customers sign in on their business's booking portal; their email is unique within the business. */
export async function ensureCustomer(db: Db, tenant: Tenant, login: SeedLogin): Promise<User> {
  const existing = await findCustomerByEmail(db, tenant.id, login.email);
  if (existing) return existing;
  return insertUser(db, {
    tenant_id: tenant.id,
    role: "customer",
    email: login.email,
    name: login.name,
    password_hash: await hashPassword(login.password),
  });
}

/** Only a business without any service gets the demo ones: an admin's own edits are never undone. */
export async function ensureServices(db: Db, tenantId: string, services: readonly ServiceInput[]) {
  if ((await listServices(db, tenantId, { activeOnly: false })).length > 0) return;
  for (const service of services) await createService(db, tenantId, service);
}

/** One line per login (business, role, email, password, where to sign in) and the business's booking portal. */
export function seedLines(result: SeedResult, webOrigin: string): string[] {
  const { tenant } = result;
  const portal = `${webOrigin}/book/${tenant.slug}`;
  const logins = result.logins.map((login) => {
    const where = login.role === "customer" ? portal : `${webOrigin}/sign-in`;
    return `[seed] ${tenant.name} (${tenant.slug}) ${login.role}: ${login.email} / ${login.password}  (sign in at ${where})`;
  });
  return [...logins, `[seed] ${tenant.name} booking portal: ${portal}`];
}
