import type { Db } from "../client.ts";
import type { NewUser, Role, User } from "../schema.ts";

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db
    .insertInto("users")
    .values({ ...user, email: user.email.toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Staff (admins, fieldworkers) sign in with their email alone; it is unique across businesses. */
export async function findStaffByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .where("role", "in", ["admin", "fieldworker"])
    .executeTakeFirst();
}

export async function findCustomerByEmail(
  db: Db,
  tenantId: string,
  email: string,
): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("email", "=", email.toLowerCase())
    .where("role", "=", "customer")
    .executeTakeFirst();
}

export async function findUser(db: Db, tenantId: string, userId: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function listUsersByRole(db: Db, tenantId: string, role: Role): Promise<User[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("role", "=", role)
    .orderBy("created_at")
    .execute();
}

export async function setPasswordHash(
  db: Db,
  tenantId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .execute();
}
