// The receipt's own facts (number, paid date, card, whom to contact), against real PostgreSQL and stripe-mock.
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { callerFor, newBusiness, newCustomer } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

async function paidBooking() {
  const biz = await newBusiness(t.db, "receipt");
  await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct" });
  const admin = callerFor(deps, biz.auth).caller;
  const service = await admin.services.create({ name: "Deep clean", price: "45.00", durationMinutes: 90 });
  const customer = callerFor(deps, (await newCustomer(t.db, biz.slug)).auth).caller;
  const startsAt = new Date(Date.now() + 86_400_000);
  const { id } = await customer.bookings.create({ serviceId: service.id, startsAt });
  await customer.bookings.pay({ bookingId: id });
  return { biz, customer, id };
}

describe("the receipt", () => {
  it("has a stable short number, and the business's name and admin email from the start", async () => {
    const { biz, customer, id } = await paidBooking();
    const before = (await customer.bookings.get({ bookingId: id })).receipt;
    expect(before).toEqual({
      number: `R-${id.replaceAll("-", "").slice(0, 8).toUpperCase()}`,
      paidAt: null,
      card: null,
      business: { name: `Business ${biz.slug}`, email: biz.email },
    });
    expect((await customer.bookings.get({ bookingId: id })).receipt.number).toBe(before.number);
  });

  it("shows the paid date and the card as Stripe reports it on the charge, once paid", async () => {
    const { customer, id } = await paidBooking();
    stripe().proxy.intercept({
      method: "GET",
      path: /^\/v1\/payment_intents\//,
      patch: (body) => ({
        ...body,
        status: "succeeded",
        last_payment_error: null,
        latest_charge: {
          id: "ch_receipt",
          object: "charge",
          status: "succeeded",
          payment_method_details: { type: "card", card: { brand: "mastercard", last4: "5555" } },
        },
      }),
    });
    expect((await customer.bookings.refreshPayment({ bookingId: id })).status).toBe("paid");
    const [request] = stripe().proxy.sent("GET", /^\/v1\/payment_intents\//);
    expect(request?.query).toMatchObject({ "expand[0]": "latest_charge" });
    const { receipt, plan } = await customer.bookings.get({ bookingId: id });
    expect(receipt.card).toEqual({ brand: "mastercard", last4: "5555" });
    // Said of a booking already paid as well as before: how it is paid, not "you pay … now".
    expect(plan.summary).toBe("In full when booking.");
    expect(receipt.paidAt).toBeInstanceOf(Date);
    expect(Math.abs((receipt.paidAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const row = await t.db
      .selectFrom("payments")
      .select(["card_brand", "card_last4"])
      .where("booking_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ card_brand: "mastercard", card_last4: "5555" });
  });
});
