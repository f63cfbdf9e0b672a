// The services a business offers on its booking page. Prices are integer minor units of `currency`.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db } from "../client.ts";
import type { ServicesTable } from "../schema.ts";

export type Service = Selectable<ServicesTable>;
export type NewService = Insertable<ServicesTable>;
export type ServiceChange = Pick<
  Updateable<ServicesTable>,
  | "name"
  | "description"
  | "duration_minutes"
  | "price_amount"
  | "currency"
  | "active"
  | "payment_plan"
  | "deposit_bps"
  | "deposit_fixed"
>;

export async function insertService(db: Db, service: NewService): Promise<Service> {
  return db.insertInto("services").values(service).returningAll().executeTakeFirstOrThrow();
}

/** Every service of the business (admins), or only the bookable ones (customers). */
export async function listServices(
  db: Db,
  tenantId: string,
  options: { activeOnly: boolean },
): Promise<Service[]> {
  let query = db.selectFrom("services").selectAll().where("tenant_id", "=", tenantId);
  if (options.activeOnly) query = query.where("active", "=", true);
  return query.orderBy("name").orderBy("created_at").execute();
}

export async function findService(db: Db, tenantId: string, id: string): Promise<Service | undefined> {
  return db
    .selectFrom("services")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Changes a service; bookings keep the price they were made at (bookings.amount). */
export async function updateService(
  db: Db,
  tenantId: string,
  id: string,
  change: ServiceChange,
): Promise<Service | undefined> {
  return db
    .updateTable("services")
    .set(change)
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}
