// Bookings made on the portal, and what the business allows there. Every query is scoped by tenant_id.
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, BookingsTable } from "../schema.ts";

export type Booking = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;

export async function insertBooking(db: Db, booking: NewBooking): Promise<Booking> {
  return db.insertInto("bookings").values(booking).returningAll().executeTakeFirstOrThrow();
}

export async function findBooking(db: Db, tenantId: string, id: string): Promise<Booking | undefined> {
  return db
    .selectFrom("bookings")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A booking with the names people recognise it by. */
export interface BookingListRow extends Booking {
  service_name: string;
  duration_minutes: number;
  customer_name: string;
  customer_email: string;
  fieldworker_name: string | null;
}

/** The business's bookings (admins), or one customer's, newest first. */
export async function listBookings(
  db: Db,
  tenantId: string,
  filter: { customerId?: string; bookingId?: string } = {},
): Promise<BookingListRow[]> {
  let query = db
    .selectFrom("bookings")
    .innerJoin("services", "services.id", "bookings.service_id")
    .innerJoin("users as customer", "customer.id", "bookings.customer_id")
    .leftJoin("users as fieldworker", "fieldworker.id", "bookings.fieldworker_id")
    .selectAll("bookings")
    .select([
      "services.name as service_name",
      "services.duration_minutes",
      "customer.name as customer_name",
      "customer.email as customer_email",
      "fieldworker.name as fieldworker_name",
    ])
    .where("bookings.tenant_id", "=", tenantId);
  if (filter.customerId !== undefined) query = query.where("bookings.customer_id", "=", filter.customerId);
  if (filter.bookingId !== undefined) query = query.where("bookings.id", "=", filter.bookingId);
  return query.orderBy("bookings.created_at", "desc").limit(500).execute();
}

export async function setBookingFieldworker(
  db: Db,
  tenantId: string,
  bookingId: string,
  fieldworkerId: string,
): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set({ fieldworker_id: fieldworkerId, updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", bookingId)
    .where("status", "in", ["pending_payment", "payment_failed"] satisfies BookingStatus[])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Fieldworkers a booking can go to: in Connect mode only those whose Stripe account is active. */
export async function listBookableFieldworkers(
  db: Db,
  tenantId: string,
  options: { activeStripeAccountOnly: boolean },
): Promise<Array<{ id: string; name: string }>> {
  let query = db
    .selectFrom("users")
    .leftJoin("fieldworker_accounts", "fieldworker_accounts.user_id", "users.id")
    .select(["users.id", "users.name"])
    .where("users.tenant_id", "=", tenantId)
    .where("users.role", "=", "fieldworker");
  if (options.activeStripeAccountOnly) {
    query = query
      .where("fieldworker_accounts.status", "=", "active")
      .where("fieldworker_accounts.charges_enabled", "=", true);
  }
  return query.orderBy("users.created_at").orderBy("users.id").execute();
}

export async function getBookingPreferences(db: Db, tenantId: string) {
  const row = await db
    .selectFrom("booking_preferences")
    .select("customers_choose_fieldworker")
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return { customersChooseFieldworker: row?.customers_choose_fieldworker ?? true };
}

export async function saveBookingPreferences(
  db: Db,
  tenantId: string,
  preferences: { customersChooseFieldworker: boolean },
) {
  await db
    .insertInto("booking_preferences")
    .values({ tenant_id: tenantId, customers_choose_fieldworker: preferences.customersChooseFieldworker })
    .onConflict((oc) =>
      oc.column("tenant_id").doUpdateSet({
        customers_choose_fieldworker: preferences.customersChooseFieldworker,
        updated_at: new Date(),
      }),
    )
    .execute();
  return getBookingPreferences(db, tenantId);
}

/**
 * A new payment attempt makes an earlier failure history: the booking waits for this attempt's outcome again, so
 * the receipt shows "Stripe is confirming" (and keeps checking) instead of the old decline.
 */
export async function reopenBookingForPayment(db: Db, tenantId: string, bookingId: string): Promise<void> {
  await db
    .updateTable("bookings")
    .set({ status: "pending_payment", updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", bookingId)
    .where("status", "=", "payment_failed")
    .execute();
}
