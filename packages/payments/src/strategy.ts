import type { Outcome, PaymentError } from "./errors.ts";
import type { FeeRule } from "./fees.ts";
import type { KeyMode } from "./keys.ts";
import type { Money } from "./money.ts";

// The lists below are the one source of these words: the api's zod schemas are built from them, and a type test
// (apps/api/src/business-stripe/stored-kinds.test.ts) holds packages/db's column types to them.

/** The kinds of connected account a business's fieldworkers get. */
export const CONNECT_ACCOUNT_TYPES = ["standard", "express", "custom"] as const;
export type ConnectAccountType = (typeof CONNECT_ACCOUNT_TYPES)[number];

/**
 * How a booking payment moved money: `direct` on the business's own Stripe account (Stripe mode);
 * `destination` on the business's platform account, with a transfer to the fieldworker (Connect Express/Custom);
 * `direct_on_connected_account` on the fieldworker's own account, with an application fee to the business
 * (Connect Standard).
 */
export const CHARGE_TYPES = ["direct", "destination", "direct_on_connected_account"] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

export interface ValidateCredentialsInput {
  publishableKey: string;
  secretKey: string;
}

export interface CredentialsReport {
  account: {
    id: string;
    country: string | null;
    defaultCurrency: string | null;
    chargesEnabled: boolean;
    payoutsEnabled: boolean;
    detailsSubmitted: boolean;
  };
  /** From the key prefix; Stripe confirmed it (livemode of the account's balance) or validation failed. */
  mode: KeyMode;
  secretKind: "secret" | "restricted";
  /** What may be stored for display: "sk_test_…1234". */
  maskedSecretKey: string;
  /** Plain-English notes for the admin, e.g. that charges are not enabled yet. */
  warnings: string[];
}

export interface CreateCustomerInput {
  tenantId: string;
  /** Our customer id; also what makes a retried create idempotent. */
  customerId: string;
  email?: string;
  name?: string;
  phone?: string;
}

export interface CustomerSummary {
  stripeCustomerId: string;
  email: string | null;
  name: string | null;
}

export interface SetupIntentInput {
  tenantId: string;
  customerId: string;
  stripeCustomerId: string;
  /** Our save-card attempt number; a new one for every new form the customer opens. */
  attempt: number;
}

export interface SavedCard {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface BookingPaymentInput {
  tenantId: string;
  bookingId: string;
  /** Our attempt number for this booking's payment: a retry of the same attempt reuses Stripe's first answer. */
  attempt: number;
  amount: Money;
  /** The customer on the business's (platform) account, and optionally one of their saved cards. */
  stripeCustomerId?: string;
  paymentMethodId?: string;
  /** Charge the saved card now without the customer present (needs both ids above). */
  offSession?: boolean;
  /** Keep the card the customer enters for later off-session charges (needs stripeCustomerId). */
  saveCard?: boolean;
  description?: string;
  /** Required in Connect mode, refused in Stripe mode: who does the job and the business's commission. */
  connect?: { accountId: string; accountType: ConnectAccountType; fee: FeeRule };
}

export interface BookingPayment {
  paymentIntentId: string;
  /** For Stripe.js to confirm the payment in the browser. */
  clientSecret: string | null;
  status: string;
  amount: Money;
  chargeType: ChargeType;
  /** Stripe.js must be initialised with this `stripeAccount` when set (Standard direct charges). */
  onAccount: string | null;
  applicationFee: Money | null;
  fieldworkerNet: Money | null;
}

export interface CancelPaymentInput {
  tenantId: string;
  paymentIntentId: string;
  /** The connected account the PaymentIntent lives on (Standard direct charges), else null. */
  onAccount: string | null;
}

export interface RetrievePaymentInput {
  paymentIntentId: string;
  /** The connected account the PaymentIntent lives on (Standard direct charges), else null. */
  onAccount: string | null;
}

export interface PaymentSnapshot {
  paymentIntentId: string;
  status: string;
  /** Why the card failed on the last try, already in plain words (the card-error catalogue), else null. */
  cardFailure: PaymentError | null;
}

export interface RefundInput {
  tenantId: string;
  bookingId: string;
  /** Our refund id: a retried refund with the same id is not refunded twice. */
  refundId: string;
  paymentIntentId: string;
  /** What was charged, to check a partial refund against. */
  charged: Money;
  /** Leave out for a full refund. */
  amount?: Money;
  reason?: "duplicate" | "fraudulent" | "requested_by_customer";
  /** Required for Connect payments: the refund decides both explicitly. */
  connect?: {
    accountId: string;
    accountType: ConnectAccountType;
    /** Give the business's commission back too (proportionally for a partial refund). */
    refundApplicationFee: boolean;
    /** Pull the fieldworker's share back from their account (destination charges only). */
    reverseTransfer: boolean;
  };
}

export interface RefundSummary {
  stripeRefundId: string;
  status: string | null;
  amount: Money;
  partial: boolean;
}

/** What both Stripe (direct) and Stripe Connect do; each method takes one input object. */
export interface PaymentStrategy {
  readonly mode: "direct" | "connect";
  /** Format check first (nothing sent), then asks Stripe with the new secret key. */
  validateCredentials(input: ValidateCredentialsInput): Promise<Outcome<{ report: CredentialsReport }>>;
  createCustomer(input: CreateCustomerInput): Promise<Outcome<{ customer: CustomerSummary }>>;
  retrieveCustomer(input: { stripeCustomerId: string }): Promise<Outcome<{ customer: CustomerSummary }>>;
  /** Starts saving a card for later (usage off_session); the browser confirms it with the client secret. */
  createSetupIntent(
    input: SetupIntentInput,
  ): Promise<Outcome<{ setupIntentId: string; clientSecret: string }>>;
  listPaymentMethods(input: { stripeCustomerId: string }): Promise<Outcome<{ cards: SavedCard[] }>>;
  /** Removes a saved card, only if it belongs to that customer. */
  detachPaymentMethod(input: {
    stripeCustomerId: string;
    paymentMethodId: string;
  }): Promise<Outcome<{ paymentMethodId: string }>>;
  createBookingPayment(input: BookingPaymentInput): Promise<Outcome<{ payment: BookingPayment }>>;
  /** Cancels a replaced attempt's PaymentIntent; answers the status it is left in (`canceled`, or `succeeded`...). */
  cancelPayment(input: CancelPaymentInput): Promise<Outcome<{ status: string }>>;
  /** Where a PaymentIntent stands now, for "Refresh status" when a webhook is late. */
  retrievePayment(input: RetrievePaymentInput): Promise<Outcome<{ payment: PaymentSnapshot }>>;
  refund(input: RefundInput): Promise<Outcome<{ refund: RefundSummary }>>;
}

export interface AccountRequirements {
  currentlyDue: string[];
  eventuallyDue: string[];
  pastDue: string[];
  pendingVerification: string[];
  disabledReason: string | null;
  currentDeadline: number | null;
}

export interface ConnectedAccount {
  id: string;
  type: ConnectAccountType | "unknown";
  country: string | null;
  defaultCurrency: string | null;
  email: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: AccountRequirements;
  capabilities: Record<string, string>;
}

export interface CreateConnectedAccountInput {
  tenantId: string;
  /** Our fieldworker id: one connected account per fieldworker, so a retried create returns the same account. */
  fieldworkerId: string;
  /** Defaults to the business's chosen account type. */
  type?: ConnectAccountType;
  country?: string;
  email?: string;
}

export interface AccountLinkInput {
  accountId: string;
  /** A new number for every fresh link (each visit to refresh_url): links are single-use. */
  attempt: number;
  refreshUrl: string;
  returnUrl: string;
}

/** What only Stripe Connect does: fieldworkers' connected accounts. */
export interface ConnectOperations {
  createConnectedAccount(input: CreateConnectedAccountInput): Promise<Outcome<{ account: ConnectedAccount }>>;
  /** Stripe-hosted onboarding. Coming back to return_url does not mean onboarding is complete: re-read the account. */
  createAccountLink(input: AccountLinkInput): Promise<Outcome<{ url: string; expiresAt: number }>>;
  /** Express accounts only; anything else is a typed `login_link_not_available` error. */
  createLoginLink(input: { accountId: string; attempt: number }): Promise<Outcome<{ url: string }>>;
  retrieveAccount(input: { accountId: string }): Promise<Outcome<{ account: ConnectedAccount }>>;
}

/** `mode` tells the two apart: checking `strategy.mode === "connect"` narrows to the Connect operations. */
export type ConnectPaymentStrategy = PaymentStrategy & ConnectOperations & { readonly mode: "connect" };
export type DirectPaymentStrategy = PaymentStrategy & { readonly mode: "direct" };
