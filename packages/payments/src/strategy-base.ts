import type Stripe from "stripe";
import { cancelBookingPayment, retrieveBookingPayment } from "./booking-payment.ts";
import { createBookingSetupIntent, retrieveSetupIntent } from "./booking-setup.ts";
import { captureBookingPayment, checkCapture } from "./capture-payment.ts";
import { type ConnectionSettings, validateCredentials } from "./credentials.ts";
import {
  createCustomer,
  createSetupIntent,
  detachPaymentMethod,
  listPaymentMethods,
  retrieveCustomer,
} from "./customers.ts";
import { type DisputeEvidenceInput, submitDisputeEvidence } from "./disputes.ts";
import { failure, type Outcome } from "./errors.ts";
import { customerOnAccount } from "./standard-account.ts";
import type {
  BookingSetup,
  BookingSetupInput,
  CancelPaymentInput,
  CapturePaymentInput,
  CreateCustomerInput,
  RetrievePaymentInput,
  SetupIntentInput,
  ValidateCredentialsInput,
} from "./strategy.ts";
import { createStripeClient } from "./stripe-client.ts";

export const CONNECT_NOT_ENABLED = {
  message: "This business takes payments on its own Stripe account, not through Stripe Connect.",
} as const;

/**
 * What Stripe and Stripe Connect do alike, written once: credentials, the business's customers and saved cards
 * (which live on its own account in both modes), reading, cancelling and capturing a PaymentIntent where it lives,
 * and saving a card at booking. Charging and refunding differ, and stay in direct.ts and connect.ts.
 */
export abstract class StripeStrategyBase {
  abstract readonly mode: "direct" | "connect";
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

  async capturePayment(
    input: CapturePaymentInput,
  ): Promise<Outcome<{ status: string; amountReceived: number }>> {
    // Stripe mode has no commission and no connected accounts: a fee sent there would be taken from nobody.
    if (this.mode === "direct" && (input.applicationFee !== null || input.onAccount !== null)) {
      return failure("wrong_mode", CONNECT_NOT_ENABLED);
    }
    const problem = checkCapture(input);
    if (problem !== null) return { ok: false, error: problem };
    return captureBookingPayment(this.stripe, input);
  }

  /** A Standard account keeps the card on the fieldworker's own account, for the customer's copy there. */
  async createBookingSetup(input: BookingSetupInput): Promise<Outcome<{ setup: BookingSetup }>> {
    const { connect } = input;
    if (this.mode === "direct" && (connect !== undefined || input.connectedCustomerId !== undefined)) {
      return failure("wrong_mode", CONNECT_NOT_ENABLED);
    }
    if (!Number.isSafeInteger(input.attempt) || input.attempt < 0) {
      return failure("invalid_input", { message: "The setup attempt number must be a whole number from 0." });
    }
    if (connect?.accountType !== "standard") {
      if (input.connectedCustomerId !== undefined) {
        return failure("invalid_input", {
          message: "Only a Standard account's fieldworker has their own copy of the customer.",
        });
      }
      return createBookingSetupIntent(this.stripe, input, {
        onAccount: null,
        customerId: input.stripeCustomerId,
      });
    }
    const onAccount = connect.accountId;
    const copy =
      input.connectedCustomerId !== undefined
        ? { ok: true as const, customerId: input.connectedCustomerId }
        : await customerOnAccount(this.stripe, { ...input, accountId: onAccount });
    if (!copy.ok) return copy;
    return createBookingSetupIntent(this.stripe, input, { onAccount, customerId: copy.customerId });
  }

  retrieveSetup(input: { setupIntentId: string; onAccount: string | null }) {
    return retrieveSetupIntent(this.stripe, input);
  }

  submitDisputeEvidence(input: DisputeEvidenceInput) {
    return submitDisputeEvidence(this.stripe, input);
  }
}
