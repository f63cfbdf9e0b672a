// "Balance due": the worker's after-job charge needed the customer (their bank asked them to confirm, or the card
// was declined). The emailed link opens the pay page, which completes that same PaymentIntent: with 3-D Secure,
// or with another card. No second PaymentIntent is made, so the balance can only be charged once.

import type { PaySettings } from "@fieldpay/db/repositories/booking-to-pay";
import type { Booking } from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { AFTER_JOB, latestPayment } from "@fieldpay/db/repositories/payments";
import type { PaymentStrategy } from "@fieldpay/payments/strategy";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import { DomainError } from "../errors.ts";
import { type PayAnswer, planAnswer } from "./pay-answer.ts";
import type { PaymentDeps } from "./tenant-payments.ts";

const SETTLED_ALREADY = ["succeeded", "processing"];

export async function payBalance(
  deps: Pick<PaymentDeps, "db">,
  strategy: PaymentStrategy,
  settings: PaySettings,
  booking: Booking,
): Promise<PayAnswer> {
  const payment = await latestPayment(deps.db, booking.tenant_id, booking.id, AFTER_JOB);
  if (!payment?.payment_intent_id) {
    throw new DomainError(
      "unavailable",
      "The business is still preparing the charge for this job.",
      "Try again in a minute; the receipt shows it once it is ready.",
    );
  }
  const fetched = await strategy.retrievePayment({
    paymentIntentId: payment.payment_intent_id,
    onAccount: payment.on_account,
  });
  if (!fetched.ok) throw fromPaymentError(fetched.error);
  const intent = fetched.payment;
  if (SETTLED_ALREADY.includes(intent.status)) {
    await applyPaymentIntentSnapshot(deps.db, {
      tenantId: booking.tenant_id,
      paymentIntentId: intent.paymentIntentId,
      status: intent.status,
      eventAt: new Date(),
    });
    throw new DomainError("conflict", "This balance has already been paid.", "Open the booking's receipt.");
  }
  if (intent.clientSecret === null)
    throw new Error(`payment intent ${intent.paymentIntentId} has no client secret`);
  return {
    bookingId: booking.id,
    attempt: payment.attempt,
    intent: "payment",
    clientSecret: intent.clientSecret,
    publishableKey: settings.publishable_key,
    stripeAccount: payment.on_account,
    amount: { amount: payment.amount, currency: payment.currency },
    applicationFee:
      payment.application_fee_amount === null
        ? null
        : { amount: payment.application_fee_amount, currency: payment.currency },
    fieldworkerNet:
      payment.fieldworker_net_amount === null
        ? null
        : { amount: payment.fieldworker_net_amount, currency: payment.currency },
    savedCardsAllowed: false,
    ...planAnswer(booking),
    dueAfterJob: { amount: 0, currency: booking.currency },
    summary: "The job is done: this is what is left to pay for it.",
  };
}
