// Portal objects for tests: a service and a booking of a customer, written straight to the database.
import type { Db } from "../client.ts";
import { insertBooking } from "../repositories/bookings.ts";
import { insertService } from "../repositories/services.ts";

export async function seedBooking(
  db: Db,
  tenantId: string,
  customerId: string,
  options: { price?: number; currency?: string; fieldworkerId?: string | null; serviceName?: string } = {},
) {
  const service = await insertService(db, {
    tenant_id: tenantId,
    name: options.serviceName ?? "Deep clean",
    duration_minutes: 120,
    price_amount: options.price ?? 12_000,
    currency: options.currency ?? "usd",
  });
  const booking = await insertBooking(db, {
    tenant_id: tenantId,
    customer_id: customerId,
    service_id: service.id,
    fieldworker_id: options.fieldworkerId ?? null,
    starts_at: new Date(Date.now() + 86_400_000),
    amount: service.price_amount,
    currency: service.currency,
  });
  return { serviceId: service.id, bookingId: booking.id, booking };
}
