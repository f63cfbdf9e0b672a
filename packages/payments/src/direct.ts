import {
  basePaymentIntentParams,
  bookingPaymentKey,
  checkBookingPayment,
  toBookingPayment,
} from "./booking-payment.ts";
import type { ConnectionSettings } from "./credentials.ts";
import { failure, stripeCall } from "./errors.ts";
import { baseRefundParams, checkRefund, refundKey, toRefundSummary } from "./refunds.ts";
import type { BookingPaymentInput, DirectPaymentStrategy, RefundInput } from "./strategy.ts";
import { CONNECT_NOT_ENABLED, StripeStrategyBase } from "./strategy-base.ts";

export interface DirectSettings extends ConnectionSettings {
  mode: "direct";
  secretKey: string;
}

/** Stripe mode: every booking is charged on the business's own Stripe account; nothing is split. */
export class DirectStripe extends StripeStrategyBase implements DirectPaymentStrategy {
  readonly mode = "direct" as const;

  constructor(settings: DirectSettings) {
    const { mode: _mode, secretKey, ...connection } = settings;
    super(secretKey, connection);
  }

  async createBookingPayment(input: BookingPaymentInput) {
    // A split sent to Stripe mode would charge the whole amount to the business and pay the fieldworker nothing.
    if (input.connect !== undefined) return failure("wrong_mode", CONNECT_NOT_ENABLED);
    if (input.connectedCustomerId !== undefined) return failure("wrong_mode", CONNECT_NOT_ENABLED);
    const problem = checkBookingPayment(input);
    if (problem !== null) return { ok: false as const, error: problem };
    const params = basePaymentIntentParams(input);
    return stripeCall(async () => {
      const intent = await this.stripe.paymentIntents.create(params, {
        idempotencyKey: bookingPaymentKey(input),
      });
      const how = {
        chargeType: "direct",
        onAccount: null,
        applicationFee: null,
        fieldworkerNet: null,
      } as const;
      return { payment: toBookingPayment(intent, params, how) };
    });
  }

  async refund(input: RefundInput) {
    if (input.connect !== undefined) return failure("wrong_mode", CONNECT_NOT_ENABLED);
    const problem = checkRefund(input);
    if (problem !== null) return { ok: false as const, error: problem };
    return stripeCall(async () => {
      const refund = await this.stripe.refunds.create(baseRefundParams(input), {
        idempotencyKey: refundKey(input),
      });
      return { refund: toRefundSummary(refund, input) };
    });
  }
}
