import type Stripe from "stripe";
import { cancelBookingPayment, retrieveBookingPayment } from "./booking-payment.ts";
import { type ConnectionSettings, validateCredentials } from "./credentials.ts";
import {
  createCustomer,
  createSetupIntent,
  detachPaymentMethod,
  listPaymentMethods,
  retrieveCustomer,
} from "./customers.ts";
import type {
  CancelPaymentInput,
  CreateCustomerInput,
  RetrievePaymentInput,
  SetupIntentInput,
  ValidateCredentialsInput,
} from "./strategy.ts";
import { createStripeClient } from "./stripe-client.ts";

/**
 * What Stripe and Stripe Connect do alike, written once: credentials, the business's customers and saved cards
 * (which live on its own account in both modes), and reading or cancelling a PaymentIntent where it lives.
 * Charging and refunding differ, and stay in direct.ts and connect.ts.
 */
export abstract class StripeStrategyBase {
  protected readonly stripe: Stripe;
  readonly #connection: ConnectionSettings;

  constructor(secretKey: string, connection: ConnectionSettings) {
    this.#connection = connection;
    this.stripe = createStripeClient({ ...connection, secretKey });
  }

  validateCredentials(input: ValidateCredentialsInput) {
    return validateCredentials(input, this.#connection);
  }

  createCustomer(input: CreateCustomerInput) {
    return createCustomer(this.stripe, input);
  }

  retrieveCustomer(input: { stripeCustomerId: string }) {
    return retrieveCustomer(this.stripe, input);
  }

  createSetupIntent(input: SetupIntentInput) {
    return createSetupIntent(this.stripe, input);
  }

  listPaymentMethods(input: { stripeCustomerId: string }) {
    return listPaymentMethods(this.stripe, input);
  }

  detachPaymentMethod(input: { stripeCustomerId: string; paymentMethodId: string }) {
    return detachPaymentMethod(this.stripe, input);
  }

  cancelPayment(input: CancelPaymentInput) {
    return cancelBookingPayment(this.stripe, input);
  }

  retrievePayment(input: RetrievePaymentInput) {
    return retrieveBookingPayment(this.stripe, input);
  }
}
