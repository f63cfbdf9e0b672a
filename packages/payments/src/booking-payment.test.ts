import { describe, expect, it } from "vitest";
import { basePaymentIntentParams, bookingPaymentKey, checkBookingPayment } from "./booking-payment.ts";
import type { BookingPaymentInput } from "./strategy.ts";

const booking: BookingPaymentInput = {
  tenantId: "t1",
  bookingId: "b1",
  attempt: 0,
  amount: { amount: 5000, currency: "eur" },
};

describe("checkBookingPayment", () => {
  it("accepts a plain booking payment", () => {
    expect(checkBookingPayment(booking)).toBeNull();
  });

  it.each([
    [{ amount: { amount: 0, currency: "eur" } }, "A booking payment must be more than zero."],
    [
      { amount: { amount: 50.5, currency: "eur" } },
      "Amounts must be a whole number of the currency's smallest unit.",
    ],
    [{ amount: { amount: 5000, currency: "EUR" } }, '"EUR" is not a lowercase ISO currency code.'],
    [{ attempt: 1.5 }, "The payment attempt number must be a whole number from 0."],
    [{ offSession: true, stripeCustomerId: "cus_1" }, expect.stringContaining("saved card")],
    [{ saveCard: true }, "Saving the card needs the customer's Stripe customer."],
    [{ offSession: true, paymentMethodId: "pm_1" }, expect.stringContaining("saved card")],
  ])("refuses %o", (change, message) => {
    expect(checkBookingPayment({ ...booking, ...change })).toMatchObject({ code: "invalid_input", message });
  });
});

describe("checkBookingPayment with a Standard account's copy of the customer", () => {
  it("accepts an off-session charge of a card kept on the fieldworker's account", () => {
    const onAccount = { connectedCustomerId: "cus_copy", paymentMethodId: "pm_1", offSession: true };
    expect(checkBookingPayment({ ...booking, ...onAccount })).toBeNull();
  });
});

describe("basePaymentIntentParams", () => {
  it("leaves out what was not asked for", () => {
    expect(basePaymentIntentParams(booking)).toEqual({
      amount: 5000,
      currency: "eur",
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      metadata: { tenant_id: "t1", booking_id: "b1", attempt: "0" },
    });
  });

  it("does not ask to save a card on an off-session charge (the card is saved already)", () => {
    const params = basePaymentIntentParams({
      ...booking,
      stripeCustomerId: "cus_1",
      paymentMethodId: "pm_1",
      offSession: true,
      saveCard: true,
    });
    expect(params).toMatchObject({ confirm: true, off_session: true });
    expect(params).not.toHaveProperty("setup_future_usage");
  });

  it("asks for manual capture and names the booking's charge when told", () => {
    expect(
      basePaymentIntentParams({ ...booking, captureMethod: "manual", purpose: "authorization" }),
    ).toMatchObject({
      capture_method: "manual",
      metadata: { tenant_id: "t1", booking_id: "b1", attempt: "0", charge: "authorization" },
    });
    expect(basePaymentIntentParams({ ...booking, captureMethod: "automatic" })).not.toHaveProperty(
      "capture_method",
    );
  });

  it("derives the key from tenant, booking and attempt", () => {
    expect(bookingPaymentKey(booking)).toBe("fieldpay:payment_intent:create:t1:b1:0");
  });
});
