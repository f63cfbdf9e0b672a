import type { Db } from "../client.ts";
import type { NewTenant, Tenant } from "../schema.ts";

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  return db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findTenant(db: Db, id: string): Promise<Tenant | undefined> {
  return db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Creates the tenant, or returns the existing one with that slug unchanged. */
export async function ensureTenant(db: Db, tenant: NewTenant): Promise<Tenant> {
  await db
    .insertInto("tenants")
    .values(tenant)
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  const found = await findTenantBySlug(db, tenant.slug);
  if (!found) throw new Error(`tenant ${tenant.slug} vanished right after it was written`);
  return found;
}

export async function insertTenant(db: Db, tenant: NewTenant): Promise<Tenant> {
  return db.insertInto("tenants").values(tenant).returningAll().executeTakeFirstOrThrow();
}

/** Who a customer contacts about a booking: the business's name and its first admin's email. */
export async function businessContact(
  db: Db,
  tenantId: string,
): Promise<{ name: string; email: string | null }> {
  const row = await db
    .selectFrom("tenants")
    .leftJoin("users", (join) =>
      join.onRef("users.tenant_id", "=", "tenants.id").on("users.role", "=", "admin"),
    )
    .select(["tenants.name", "users.email"])
    .where("tenants.id", "=", tenantId)
    .orderBy("users.created_at")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { name: row.name, email: row.email };
}
