// A customer's booking with one payment attempt whose PaymentIntent is known, written straight to the database.
import { randomUUID } from "node:crypto";
import type { Db } from "@fieldpay/db/client";
import { insertBooking } from "@fieldpay/db/repositories/bookings";
import { insertService } from "@fieldpay/db/repositories/services";
import { insertUser } from "@fieldpay/db/repositories/users";

/** A customer and their unpaid booking of a service at this price (USD), with no payment attempt yet. */
export async function seedBooking(db: Db, tenantId: string, amount = 12_000) {
  const customer = await insertUser(db, {
    tenant_id: tenantId,
    role: "customer",
    email: `cust-${randomUUID().slice(0, 8)}@example.test`,
    name: "Casey Customer",
    password_hash: null,
  });
  const service = await insertService(db, {
    tenant_id: tenantId,
    name: "Deep clean",
    duration_minutes: 120,
    price_amount: amount,
    currency: "usd",
  });
  const booking = await insertBooking(db, {
    tenant_id: tenantId,
    customer_id: customer.id,
    service_id: service.id,
    starts_at: new Date(Date.now() + 86_400_000),
    amount,
    currency: "usd",
  });
  return booking;
}

export async function seedPaidBooking(db: Db, tenantId: string, amount = 12_000) {
  const booking = await seedBooking(db, tenantId, amount);
  const paymentIntentId = `pi_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await db
    .insertInto("payments")
    .values({
      tenant_id: tenantId,
      booking_id: booking.id,
      attempt: 1,
      payment_intent_id: paymentIntentId,
      status: "requires_payment_method",
      amount,
      currency: "usd",
      charge_type: "direct",
    })
    .execute();
  const state = async () => {
    const row = await db
      .selectFrom("bookings")
      .innerJoin("payments", "payments.booking_id", "bookings.id")
      .select(["bookings.status as booking", "payments.status as payment", "payments.amount_refunded"])
      .where("bookings.id", "=", booking.id)
      .executeTakeFirstOrThrow();
    return row;
  };
  return { bookingId: booking.id, paymentIntentId, state };
}
