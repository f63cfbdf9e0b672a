import type Stripe from "stripe";
import {
  basePaymentIntentParams,
  bookingPaymentKey,
  checkBookingPayment,
  toBookingPayment,
} from "./booking-payment.ts";
import {
  createAccountLink,
  createConnectedAccount,
  createLoginLink,
  retrieveAccount,
} from "./connect-accounts.ts";
import type { ConnectionSettings } from "./credentials.ts";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { splitCharge } from "./fees.ts";
import { idempotencyKey } from "./idempotency.ts";
import { baseRefundParams, checkRefund, refundKey, toRefundSummary } from "./refunds.ts";
import type {
  AccountLinkInput,
  BookingPayment,
  BookingPaymentInput,
  ConnectAccountType,
  ConnectPaymentStrategy,
  CreateConnectedAccountInput,
  RefundInput,
  RefundSummary,
} from "./strategy.ts";
import { StripeStrategyBase } from "./strategy-base.ts";

export interface ConnectSettings extends ConnectionSettings {
  mode: "connect";
  /** The business's (platform's) secret key. */
  secretKey: string;
  /** The account type new fieldworkers get. */
  connectAccountType: ConnectAccountType;
  /**
   * Settle Express/Custom destination charges on the fieldworker's account (`on_behalf_of`): their name on the
   * customer's statement and their country's card pricing. Needed when fieldworkers are in another country.
   */
  settleOnConnectedAccount?: boolean;
}

type ConnectBooking = BookingPaymentInput & { connect: NonNullable<BookingPaymentInput["connect"]> };

/**
 * Stripe Connect: the business is the platform, fieldworkers are connected accounts. Express and Custom
 * fieldworkers get destination charges on the platform; Standard fieldworkers, who own their Stripe account,
 * get direct charges on their account with the business's commission as an application fee.
 */
export class StripeConnect extends StripeStrategyBase implements ConnectPaymentStrategy {
  readonly mode = "connect" as const;
  readonly #accountType: ConnectAccountType;
  readonly #settleOnConnectedAccount: boolean;

  constructor(settings: ConnectSettings) {
    const { mode: _mode, secretKey, connectAccountType, settleOnConnectedAccount, ...connection } = settings;
    super(secretKey, connection);
    this.#accountType = connectAccountType;
    this.#settleOnConnectedAccount = settleOnConnectedAccount ?? false;
  }

  async createBookingPayment(input: BookingPaymentInput): Promise<Outcome<{ payment: BookingPayment }>> {
    const { connect } = input;
    if (connect === undefined) {
      return failure("invalid_input", {
        message: "A Stripe Connect payment needs the fieldworker's connected account and the commission.",
        fix: "Assign a fieldworker who has connected their Stripe account, then take the payment.",
      });
    }
    const problem = checkBookingPayment(input);
    if (problem !== null) return { ok: false, error: problem };
    const split = splitCharge({ charge: input.amount, rule: connect.fee });
    if (!split.ok) return failure("invalid_input", { message: split.error.message });
    const booking: ConnectBooking = { ...input, connect };
    const shares = { applicationFee: split.applicationFee, fieldworkerNet: split.fieldworkerNet };
    return connect.accountType === "standard"
      ? this.#directChargeOnAccount(booking, shares)
      : this.#destinationCharge(booking, shares);
  }

  #destinationCharge(
    input: ConnectBooking,
    shares: Pick<BookingPayment, "applicationFee" | "fieldworkerNet">,
  ) {
    const destination = input.connect.accountId;
    const params: Stripe.PaymentIntentCreateParams = {
      ...basePaymentIntentParams(input),
      transfer_data: { destination },
      ...applicationFeeParam(shares.applicationFee),
      ...(this.#settleOnConnectedAccount && { on_behalf_of: destination }),
    };
    return stripeCall(async () => {
      const intent = await this.stripe.paymentIntents.create(params, {
        idempotencyKey: bookingPaymentKey(input),
      });
      return { payment: toBookingPayment(intent, { chargeType: "destination", onAccount: null, ...shares }) };
    });
  }

  async #directChargeOnAccount(
    input: ConnectBooking,
    shares: Pick<BookingPayment, "applicationFee" | "fieldworkerNet">,
  ): Promise<Outcome<{ payment: BookingPayment }>> {
    const stripeAccount = input.connect.accountId;
    const card = await this.#copyCardToAccount(input);
    if (!card.ok) return card;
    // The platform's customer and card ids mean nothing on the fieldworker's own account.
    const { stripeCustomerId: _customer, paymentMethodId: _card, ...onAccount } = input;
    const params: Stripe.PaymentIntentCreateParams = {
      ...basePaymentIntentParams({
        ...onAccount,
        ...(card.paymentMethodId !== null && { paymentMethodId: card.paymentMethodId }),
      }),
      ...applicationFeeParam(shares.applicationFee),
    };
    return stripeCall(async () => {
      const intent = await this.stripe.paymentIntents.create(params, {
        stripeAccount,
        idempotencyKey: bookingPaymentKey(input),
      });
      const how = { chargeType: "direct_on_connected_account", onAccount: stripeAccount, ...shares } as const;
      return { payment: toBookingPayment(intent, how) };
    });
  }

  /** Saved cards live on the platform; a direct charge needs its own copy of the card on the connected account. */
  async #copyCardToAccount(input: ConnectBooking): Promise<Outcome<{ paymentMethodId: string | null }>> {
    const { stripeCustomerId, paymentMethodId } = input;
    if (input.saveCard) {
      return failure("invalid_input", {
        message: "A card paid to a Standard account's fieldworker cannot be saved for later in this flow.",
      });
    }
    if (paymentMethodId === undefined) return { ok: true, paymentMethodId: null };
    if (stripeCustomerId === undefined) {
      return failure("invalid_input", {
        message: "Charging a saved card needs the customer it is saved for.",
      });
    }
    const key = idempotencyKey("payment_method:clone", [input.tenantId, input.bookingId, input.attempt]);
    return stripeCall(async () => {
      const copy = await this.stripe.paymentMethods.create(
        { customer: stripeCustomerId, payment_method: paymentMethodId },
        { stripeAccount: input.connect.accountId, idempotencyKey: key },
      );
      return { paymentMethodId: copy.id };
    });
  }

  async refund(input: RefundInput): Promise<Outcome<{ refund: RefundSummary }>> {
    const { connect } = input;
    if (connect === undefined) {
      return failure("invalid_input", {
        message:
          "A Stripe Connect refund must say whether the commission and the fieldworker's share come back.",
      });
    }
    const problem = checkRefund(input);
    if (problem !== null) return { ok: false, error: problem };
    const standard = connect.accountType === "standard";
    const params: Stripe.RefundCreateParams = {
      ...baseRefundParams(input),
      refund_application_fee: connect.refundApplicationFee,
      // A direct charge has no transfer to reverse: the refund already comes out of the fieldworker's balance.
      ...(!standard && { reverse_transfer: connect.reverseTransfer }),
    };
    return stripeCall(async () => {
      const refund = await this.stripe.refunds.create(params, {
        idempotencyKey: refundKey(input),
        ...(standard && { stripeAccount: connect.accountId }),
      });
      return { refund: toRefundSummary(refund, input) };
    });
  }

  createConnectedAccount(input: CreateConnectedAccountInput) {
    return createConnectedAccount(this.stripe, input, this.#accountType);
  }

  createAccountLink(input: AccountLinkInput) {
    return createAccountLink(this.stripe, input);
  }

  createLoginLink(input: { accountId: string; attempt: number }) {
    return createLoginLink(this.stripe, input);
  }

  retrieveAccount(input: { accountId: string }) {
    return retrieveAccount(this.stripe, input);
  }
}

// A zero commission is sent as no fee at all rather than as an explicit 0.
function applicationFeeParam(fee: BookingPayment["applicationFee"]) {
  return fee !== null && fee.amount > 0 ? { application_fee_amount: fee.amount } : {};
}
