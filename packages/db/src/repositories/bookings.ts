// Bookings made on the portal, and what the business allows there. Every query is scoped by tenant_id.
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { BookingStatus, BookingsTable, PaymentPlan } from "../schema.ts";

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

/** The business's bookings (admins), or one customer's or one fieldworker's, newest first. */
export async function listBookings(
  db: Db,
  tenantId: string,
  filter: { customerId?: string; bookingId?: string; fieldworkerId?: string } = {},
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
  if (filter.fieldworkerId !== undefined)
    query = query.where("bookings.fieldworker_id", "=", filter.fieldworkerId);
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

/** The business's default payment plan (services may choose their own); a deposit is a percentage or fixed. */
export interface PlanDefault {
  paymentPlan: PaymentPlan;
  depositBps: number | null;
  depositFixed: number | null;
}

export interface BookingPreferences extends PlanDefault {
  customersChooseFieldworker: boolean;
}

export async function getBookingPreferences(db: Db, tenantId: string): Promise<BookingPreferences> {
  const row = await db
    .selectFrom("booking_preferences")
    .select(["customers_choose_fieldworker", "payment_plan", "deposit_bps", "deposit_fixed"])
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return {
    customersChooseFieldworker: row?.customers_choose_fieldworker ?? true,
    paymentPlan: row?.payment_plan ?? "full",
    depositBps: row?.deposit_bps ?? null,
    depositFixed: row?.deposit_fixed ?? null,
  };
}

export async function saveBookingPreferences(
  db: Db,
  tenantId: string,
  preferences: Partial<BookingPreferences>,
): Promise<BookingPreferences> {
  const change = {
    ...(preferences.customersChooseFieldworker !== undefined && {
      customers_choose_fieldworker: preferences.customersChooseFieldworker,
    }),
    ...(preferences.paymentPlan !== undefined && { payment_plan: preferences.paymentPlan }),
    ...(preferences.depositBps !== undefined && { deposit_bps: preferences.depositBps }),
    ...(preferences.depositFixed !== undefined && { deposit_fixed: preferences.depositFixed }),
  };
  await db
    .insertInto("booking_preferences")
    .values({ tenant_id: tenantId, ...change })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ ...change, updated_at: new Date() }))
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

/** Where a booking can be marked done: its money at booking is settled (paid, or part paid, or a card kept). */
export const DONE_FROM: BookingStatus[] = ["paid", "deposit_paid", "card_saved", "authorized"];

/**
 * The job is done: records the final amount (and why it differs from the price) once. Returns the booking when
 * this call marked it, undefined when it was not in a state to be marked (the caller explains which).
 */
export async function markBookingDone(
  db: Db,
  input: { tenantId: string; bookingId: string; finalAmount: number; reason: string | null; doneBy: string },
): Promise<Booking | undefined> {
  return db
    .updateTable("bookings")
    .set({
      done_at: new Date(),
      done_by: input.doneBy,
      final_amount: input.finalAmount,
      adjustment_reason: input.reason,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.bookingId)
    .where("done_at", "is", null)
    .where("status", "in", DONE_FROM)
    .returningAll()
    .executeTakeFirst();
}

/** The card kept at booking for after-job charges (from the PaymentIntent or SetupIntent that saved it). */
export async function saveBookingCard(
  db: Db,
  input: {
    tenantId: string;
    bookingId: string;
    customerId: string | null;
    paymentMethodId: string;
    onAccount: string | null;
  },
): Promise<void> {
  await db
    .updateTable("bookings")
    .set((eb) => ({
      card_customer_id: eb.fn.coalesce(eb.val(input.customerId), eb.ref("card_customer_id")),
      card_payment_method_id: input.paymentMethodId,
      card_on_account: input.onAccount,
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.bookingId)
    .execute();
}

/**
 * The card-on-file plan's SetupIntent, made when the customer opens the pay page: its customer and account are
 * where the after-job charge will run; with it, the commission in force now is the one the booking keeps.
 */
export async function recordBookingSetup(
  db: Db,
  input: {
    tenantId: string;
    bookingId: string;
    setupIntentId: string;
    customerId: string;
    onAccount: string | null;
    agreedFee: { bps: number; fixed: number } | null;
  },
): Promise<void> {
  await db
    .updateTable("bookings")
    .set({
      setup_intent_id: input.setupIntentId,
      card_customer_id: input.customerId,
      card_on_account: input.onAccount,
      agreed_fee_bps: input.agreedFee?.bps ?? null,
      agreed_fee_fixed: input.agreedFee?.fixed ?? null,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.bookingId)
    .execute();
}

/** The commission in force when the customer pays (or has a hold made) at booking: later charges keep it. */
export async function recordAgreedFee(
  db: Db,
  input: { tenantId: string; bookingId: string; agreedFee: { bps: number; fixed: number } | null },
): Promise<void> {
  await db
    .updateTable("bookings")
    .set({
      agreed_fee_bps: input.agreedFee?.bps ?? null,
      agreed_fee_fixed: input.agreedFee?.fixed ?? null,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.bookingId)
    .execute();
}

/**
 * A booking's SetupIntent succeeded (setup_intent.succeeded, or "Refresh status"): the card is kept, and a
 * card-on-file booking waiting for it is "card saved". Idempotent; returns whether a booking matched.
 */
export async function applyBookingSetupSucceeded(
  db: Db,
  input: { tenantId: string; setupIntentId: string; paymentMethodId: string },
): Promise<boolean> {
  const result = await db
    .updateTable("bookings")
    .set((eb) => ({
      card_payment_method_id: input.paymentMethodId,
      status: eb
        .case()
        .when(
          eb.and([
            eb("payment_plan", "=", "card_on_file"),
            eb("status", "in", [
              "pending_payment",
              "requires_action",
              "payment_failed",
            ] satisfies BookingStatus[]),
          ]),
        )
        .then(eb.val<BookingStatus>("card_saved"))
        .else(eb.ref("status"))
        .end(),
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", input.tenantId)
    .where("setup_intent_id", "=", input.setupIntentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
