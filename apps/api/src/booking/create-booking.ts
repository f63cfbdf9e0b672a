// A customer books a service: the price is the service's at booking time; in Connect mode a fieldworker who
// can be paid is chosen (by the customer where the business allows it, else the first one available).
import type { Db } from "@fieldpay/db/client";
import {
  getBookingPreferences,
  insertBooking,
  listBookableFieldworkers,
} from "@fieldpay/db/repositories/bookings";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { findService } from "@fieldpay/db/repositories/services";
import type { Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";

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
  const booking = await insertBooking(db, {
    tenant_id: tenantId,
    customer_id: auth.user.id,
    service_id: service.id,
    fieldworker_id: fieldworkerId,
    starts_at: input.startsAt,
    amount: service.price_amount,
    currency: service.currency,
  });
  return { id: booking.id };
}
