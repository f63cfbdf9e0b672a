import type Stripe from "stripe";
import {
  basePaymentIntentParams,
  bookingPaymentKey,
  cancelBookingPayment,
  checkBookingPayment,
  toBookingPayment,
} from "./booking-payment.ts";
import { type ConnectionSettings, validateCredentials } from "./credentials.ts";
import {
  createCustomer,
  createSetupIntent,
  detachPaymentMethod,
  listPaymentMethods,
  retrieveCustomer,
} from "./customers.ts";
import { failure, stripeCall } from "./errors.ts";
import { baseRefundParams, checkRefund, refundKey, toRefundSummary } from "./refunds.ts";
import type {
  BookingPaymentInput,
  CancelPaymentInput,
  CreateCustomerInput,
  DirectPaymentStrategy,
  RefundInput,
  SetupIntentInput,
  ValidateCredentialsInput,
} from "./strategy.ts";
import { createStripeClient } from "./stripe-client.ts";

export interface DirectSettings extends ConnectionSettings {
  mode: "direct";
  secretKey: string;
}

const CONNECT_NOT_ENABLED = {
  message: "This business takes payments on its own Stripe account, not through Stripe Connect.",
} as const;

/** Stripe mode: every booking is charged on the business's own Stripe account; nothing is split. */
export class DirectStripe implements DirectPaymentStrategy {
  readonly mode = "direct" as const;
  readonly #stripe: Stripe;
  readonly #connection: ConnectionSettings;

  constructor(settings: DirectSettings) {
    const { mode: _mode, secretKey, ...connection } = settings;
    this.#connection = connection;
    this.#stripe = createStripeClient({ ...connection, secretKey });
  }

  validateCredentials(input: ValidateCredentialsInput) {
    return validateCredentials(input, this.#connection);
  }

  createCustomer(input: CreateCustomerInput) {
    return createCustomer(this.#stripe, input);
  }

  retrieveCustomer(input: { stripeCustomerId: string }) {
    return retrieveCustomer(this.#stripe, input);
  }

  createSetupIntent(input: SetupIntentInput) {
    return createSetupIntent(this.#stripe, input);
  }

  listPaymentMethods(input: { stripeCustomerId: string }) {
    return listPaymentMethods(this.#stripe, input);
  }

  detachPaymentMethod(input: { stripeCustomerId: string; paymentMethodId: string }) {
    return detachPaymentMethod(this.#stripe, input);
  }

  cancelPayment(input: CancelPaymentInput) {
    return cancelBookingPayment(this.#stripe, input);
  }

  async createBookingPayment(input: BookingPaymentInput) {
    // A split sent to Stripe mode would charge the whole amount to the business and pay the fieldworker nothing.
    if (input.connect !== undefined) return failure("wrong_mode", CONNECT_NOT_ENABLED);
    const problem = checkBookingPayment(input);
    if (problem !== null) return { ok: false as const, error: problem };
    return stripeCall(async () => {
      const intent = await this.#stripe.paymentIntents.create(basePaymentIntentParams(input), {
        idempotencyKey: bookingPaymentKey(input),
      });
      const how = {
        chargeType: "direct",
        onAccount: null,
        applicationFee: null,
        fieldworkerNet: null,
      } as const;
      return { payment: toBookingPayment(intent, how) };
    });
  }

  async refund(input: RefundInput) {
    if (input.connect !== undefined) return failure("wrong_mode", CONNECT_NOT_ENABLED);
    const problem = checkRefund(input);
    if (problem !== null) return { ok: false as const, error: problem };
    return stripeCall(async () => {
      const refund = await this.#stripe.refunds.create(baseRefundParams(input), {
        idempotencyKey: refundKey(input),
      });
      return { refund: toRefundSummary(refund, input) };
    });
  }
}
