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
import {
  type ResendDisputedShareInput,
  type ReverseDisputedShareInput,
  resendDisputedShare,
  reverseDisputedShare,
} from "./disputes.ts";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { splitCharge } from "./fees.ts";
import { checkMoney, type Money } from "./money.ts";
import { baseRefundParams, checkRefund, refundKey, toRefundSummary } from "./refunds.ts";
import { customerAndCardOnAccount } from "./standard-account.ts";
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
    if (input.connectedCustomerId !== undefined && connect.accountType !== "standard") {
      return failure("invalid_input", {
        message: "Only a Standard account's fieldworker has their own copy of the customer.",
      });
    }
    const shares = sharesOf(input.amount, connect);
    if (!shares.ok) return failure("invalid_input", { message: shares.error.message });
    const booking: ConnectBooking = { ...input, connect };
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
      const how = { chargeType: "destination", onAccount: null, ...shares } as const;
      return { payment: toBookingPayment(intent, params, how) };
    });
  }

  async #directChargeOnAccount(
    input: ConnectBooking,
    shares: Pick<BookingPayment, "applicationFee" | "fieldworkerNet">,
  ): Promise<Outcome<{ payment: BookingPayment }>> {
    const stripeAccount = input.connect.accountId;
    const found = await customerAndCardOnAccount(this.stripe, input, stripeAccount);
    if (!found.ok) return found;
    // The platform's customer and card ids mean nothing on the fieldworker's own account.
    const {
      stripeCustomerId: _customer,
      paymentMethodId: _card,
      connectedCustomerId: _copy,
      ...rest
    } = input;
    const params: Stripe.PaymentIntentCreateParams = {
      ...basePaymentIntentParams({
        ...rest,
        ...(found.customerId !== null && { stripeCustomerId: found.customerId }),
        ...(found.paymentMethodId !== null && { paymentMethodId: found.paymentMethodId }),
      }),
      ...applicationFeeParam(shares.applicationFee),
    };
    return stripeCall(async () => {
      const intent = await this.stripe.paymentIntents.create(params, {
        stripeAccount,
        idempotencyKey: bookingPaymentKey(input),
      });
      const how = { chargeType: "direct_on_connected_account", onAccount: stripeAccount, ...shares } as const;
      return { payment: toBookingPayment(intent, params, how) };
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

  reverseDisputedShare(input: ReverseDisputedShareInput) {
    return reverseDisputedShare(this.stripe, input);
  }

  resendDisputedShare(input: ResendDisputedShareInput) {
    return resendDisputedShare(this.stripe, input);
  }
}

/** The business's fee and the fieldworker's net: the fee given exactly, or the commission rule's split. */
function sharesOf(
  amount: Money,
  connect: NonNullable<BookingPaymentInput["connect"]>,
): { ok: true; applicationFee: Money; fieldworkerNet: Money } | { ok: false; error: { message: string } } {
  const fee = connect.applicationFee;
  if (fee === undefined) return splitCharge({ charge: amount, rule: connect.fee });
  const problem = checkMoney(fee);
  if (problem !== null) return { ok: false, error: { message: `Application fee: ${problem.message}` } };
  if (fee.currency !== amount.currency || fee.amount > amount.amount) {
    return {
      ok: false,
      error: { message: "The application fee must be in the charge's currency and at most the charge." },
    };
  }
  return {
    ok: true,
    applicationFee: fee,
    fieldworkerNet: { amount: amount.amount - fee.amount, currency: amount.currency },
  };
}

// A zero commission is sent as no fee at all rather than as an explicit 0.
function applicationFeeParam(fee: BookingPayment["applicationFee"]) {
  return fee !== null && fee.amount > 0 ? { application_fee_amount: fee.amount } : {};
}
