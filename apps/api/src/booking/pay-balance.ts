// "Balance due": the worker's after-job charge needed the customer (their bank asked them to confirm, or the card
// was declined). The emailed link opens the pay page, which completes that same PaymentIntent: with 3-D Secure,
// or with another card. Where Stripe never made one (no card was saved, or it refused outright), the customer's
// own PaymentIntent is opened for exactly that attempt's amount and fee, once, and the refused attempt replaced.

import type { PaySettings } from "@fieldpay/db/repositories/booking-to-pay";
import type { Booking } from "@fieldpay/db/repositories/bookings";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import {
  AFTER_JOB,
  latestPayment,
  markAttemptSuperseded,
  nextAttemptNumber,
  openPaymentAttempt,
  type PaymentRow,
  recordCreatedIntent,
  recordCreateFailure,
} from "@fieldpay/db/repositories/payments";
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
  stripeCustomerId: () => Promise<string>,
): Promise<PayAnswer> {
  const latest = await latestPayment(deps.db, booking.tenant_id, booking.id, AFTER_JOB);
  if (!latest) {
    throw new DomainError(
      "unavailable",
      "The business is still preparing the charge for this job.",
      "Try again in a minute; the receipt shows it once it is ready.",
    );
  }
  const payment =
    latest.payment_intent_id === null
      ? await openOnSession(deps, strategy, {
          settings,
          booking,
          refused: latest,
          customer: await stripeCustomerId(),
        })
      : latest;
  if (payment.payment_intent_id === null)
    throw new Error(`after-job attempt ${payment.id} has no PaymentIntent`);
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

/** The customer's own PaymentIntent for a refused attempt's amount and fee (the commission agreed at booking). */
async function openOnSession(
  deps: Pick<PaymentDeps, "db">,
  strategy: PaymentStrategy,
  input: { settings: PaySettings; booking: Booking; refused: PaymentRow; customer: string },
): Promise<PaymentRow> {
  const { booking, refused, settings } = input;
  const tenantId = booking.tenant_id;
  const attempt = await nextAttemptNumber(deps.db, tenantId, booking.id);
  const amount = { amount: refused.amount, currency: refused.currency };
  const accountId = refused.fieldworker_account_id;
  const row = await openPaymentAttempt(deps.db, {
    tenantId,
    bookingId: booking.id,
    attempt,
    amount: refused.amount,
    currency: refused.currency,
    chargeType: refused.charge_type,
    fieldworkerAccountId: accountId,
    purpose: refused.purpose,
  });
  const result = await strategy.createBookingPayment({
    tenantId,
    bookingId: booking.id,
    attempt,
    amount,
    stripeCustomerId: input.customer,
    purpose: refused.purpose,
    ...(accountId !== null && {
      connect: {
        accountId,
        accountType:
          refused.charge_type === "direct_on_connected_account" ? "standard" : settings.connect_account_type,
        fee: {
          basisPoints: booking.agreed_fee_bps ?? settings.commission_bps,
          fixed: {
            amount: booking.agreed_fee_fixed ?? settings.commission_fixed,
            currency: refused.currency,
          },
        },
        applicationFee: { amount: refused.application_fee_amount ?? 0, currency: refused.currency },
      },
    }),
  });
  if (!result.ok) {
    await recordCreateFailure(deps.db, tenantId, row.id, {
      code: result.error.declineCode ?? result.error.code,
      message: result.error.message,
    });
    throw fromPaymentError(result.error);
  }
  const created = await recordCreatedIntent(deps.db, tenantId, row.id, {
    paymentIntentId: result.payment.paymentIntentId,
    status: result.payment.status,
    onAccount: result.payment.onAccount,
    applicationFeeAmount: result.payment.applicationFee?.amount ?? null,
    fieldworkerNetAmount: result.payment.fieldworkerNet?.amount ?? null,
    customerId: result.payment.customerId,
  });
  await markAttemptSuperseded(deps.db, tenantId, refused.id, refused.status);
  return created;
}
