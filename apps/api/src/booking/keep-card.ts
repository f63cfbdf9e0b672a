// The card-on-file plan: nothing is charged when booking; the customer saves a card (a SetupIntent for off-session
// use) that the worker charges once the job is done. One SetupIntent per booking, keyed by it, so reopening the
// pay page or a double click gets the same one back.

import type { PaySettings } from "@fieldpay/db/repositories/booking-to-pay";
import type { Booking } from "@fieldpay/db/repositories/bookings";
import { recordBookingSetup } from "@fieldpay/db/repositories/bookings";
import type { PaymentStrategy } from "@fieldpay/payments/strategy";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import { agreedFeeOf, type ConnectTerms } from "./connect-terms.ts";
import { type PayAnswer, planAnswer } from "./pay-answer.ts";
import type { PaymentDeps } from "./tenant-payments.ts";

/** A booking has one setup; past Stripe's 24-hour key window the same key simply makes a fresh SetupIntent. */
const SETUP_ATTEMPT = 1;

export async function keepCardForBooking(
  deps: Pick<PaymentDeps, "db">,
  strategy: PaymentStrategy,
  input: {
    booking: Booking;
    settings: PaySettings;
    terms: ConnectTerms | undefined;
    stripeCustomerId: string;
  },
): Promise<PayAnswer> {
  const { booking, terms } = input;
  const made = await strategy.createBookingSetup({
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    attempt: SETUP_ATTEMPT,
    stripeCustomerId: input.stripeCustomerId,
    ...(terms && { connect: { accountId: terms.accountId, accountType: terms.accountType } }),
  });
  if (!made.ok) throw fromPaymentError(made.error);
  const { setup } = made;
  await recordBookingSetup(deps.db, {
    tenantId: booking.tenant_id,
    bookingId: booking.id,
    setupIntentId: setup.setupIntentId,
    customerId: setup.customerId,
    onAccount: setup.onAccount,
    agreedFee: agreedFeeOf(terms),
  });
  return {
    bookingId: booking.id,
    attempt: SETUP_ATTEMPT,
    intent: "setup",
    clientSecret: setup.clientSecret,
    publishableKey: input.settings.publishable_key,
    stripeAccount: setup.onAccount,
    amount: { amount: 0, currency: booking.currency },
    applicationFee: null,
    fieldworkerNet: null,
    savedCardsAllowed: false,
    ...planAnswer(booking),
  };
}
