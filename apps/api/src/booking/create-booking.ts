// A customer books a service: the price and the payment plan are the service's at booking time; in Connect mode a
// fieldworker who can be paid is chosen (by the customer where the business allows it, else the first one available).
import type { Db } from "@fieldpay/db/client";
import {
  findBooking,
  getBookingPreferences,
  insertBooking,
  listBookableFieldworkers,
  setBookingFieldworker,
} from "@fieldpay/db/repositories/bookings";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { findService } from "@fieldpay/db/repositories/services";
import type { Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { planForBooking } from "./payment-plans.ts";

export const ANY_FIELDWORKER = "any";

export interface CreateBookingInput {
  serviceId: string;
  startsAt: Date;
  /** A fieldworker's id, or "any" for the first one available. */
  fieldworkerId?: string | undefined;
}

/** What the booking form offers: the services, and the fieldworkers when the customer may choose. */
export async function bookingOptions(db: Db, tenantId: string) {
  const settings = await findPaymentSettings(db, tenantId);
  const prefs = await getBookingPreferences(db, tenantId);
  const connect = settings?.mode === "connect";
  const fieldworkers =
    connect && prefs.customersChooseFieldworker
      ? await listBookableFieldworkers(db, tenantId, { activeStripeAccountOnly: true })
      : [];
  return {
    paymentsReady: settings !== undefined,
    mode: settings?.mode ?? null,
    customersChooseFieldworker: connect && prefs.customersChooseFieldworker,
    fieldworkers,
  };
}

async function chooseFieldworker(db: Db, tenantId: string, picked: string | undefined) {
  const settings = await findPaymentSettings(db, tenantId);
  if (settings?.mode !== "connect") return null;
  const available = await listBookableFieldworkers(db, tenantId, { activeStripeAccountOnly: true });
  const prefs = await getBookingPreferences(db, tenantId);
  const wanted = prefs.customersChooseFieldworker && picked !== ANY_FIELDWORKER ? picked : undefined;
  if (wanted !== undefined) {
    if (!available.some((f) => f.id === wanted)) {
      throw new DomainError(
        "invalid_input",
        "That fieldworker cannot take bookings right now.",
        "Choose another fieldworker, or “Any available”.",
      );
    }
    return wanted;
  }
  const first = available[0];
  // Where the business assigns fieldworkers itself, a booking can wait for one; the customer pays after.
  if (!first && !prefs.customersChooseFieldworker) return null;
  if (!first) {
    throw new DomainError(
      "conflict",
      "No fieldworker can take paid bookings right now.",
      "Try again later, or contact the business.",
    );
  }
  return first.id;
}

export async function createBooking(db: Db, auth: Auth, input: CreateBookingInput) {
  const tenantId = auth.tenant.id;
  const service = await findService(db, tenantId, input.serviceId);
  if (!service?.active) throw notFound("This service");
  if (input.startsAt.getTime() <= Date.now()) {
    throw new DomainError("invalid_input", "Choose a date and time in the future.");
  }
  const fieldworkerId = await chooseFieldworker(db, tenantId, input.fieldworkerId);
  const plan = planForBooking(service, await getBookingPreferences(db, tenantId), input.startsAt, new Date());
  const booking = await insertBooking(db, {
    tenant_id: tenantId,
    customer_id: auth.user.id,
    service_id: service.id,
    fieldworker_id: fieldworkerId,
    starts_at: input.startsAt,
    amount: service.price_amount,
    currency: service.currency,
    payment_plan: plan.plan,
    deposit_amount: plan.depositAmount,
  });
  return { id: booking.id };
}

/**
 * The admin gives an unpaid booking to a fieldworker (in Connect mode one who can be paid). The next payment
 * attempt then goes to them; a paid booking keeps the fieldworker its money went to.
 */
export async function assignFieldworker(
  db: Db,
  auth: Auth,
  input: { bookingId: string; fieldworkerId: string },
) {
  const tenantId = auth.tenant.id;
  if (!(await findBooking(db, tenantId, input.bookingId))) throw notFound("This booking");
  const settings = await findPaymentSettings(db, tenantId);
  const candidates = await listBookableFieldworkers(db, tenantId, {
    activeStripeAccountOnly: settings?.mode === "connect",
  });
  if (!candidates.some((f) => f.id === input.fieldworkerId)) {
    throw new DomainError(
      "invalid_input",
      "That fieldworker cannot take this booking.",
      "Choose a fieldworker from the list; in Stripe Connect mode only those whose Stripe account can be paid are listed.",
    );
  }
  if (!(await setBookingFieldworker(db, tenantId, input.bookingId, input.fieldworkerId))) {
    throw new DomainError("conflict", "This booking is already paid, so its fieldworker stays as it is.");
  }
  return { bookingId: input.bookingId, fieldworkerId: input.fieldworkerId };
}

/** Who an admin can give bookings to. */
export async function assignableFieldworkers(db: Db, tenantId: string) {
  const settings = await findPaymentSettings(db, tenantId);
  return listBookableFieldworkers(db, tenantId, { activeStripeAccountOnly: settings?.mode === "connect" });
}
