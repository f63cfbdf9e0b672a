import type {
  DisputeEvidenceInput,
  DisputeEvidenceResult,
  ResendDisputedShareInput,
  ReverseDisputedShareInput,
} from "./disputes.ts";
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

/** Which charge of a booking a PaymentIntent is, sent as its `charge` metadata. */
export const CHARGE_PURPOSES = ["full", "deposit", "authorization", "balance", "extra"] as const;
export type ChargePurpose = (typeof CHARGE_PURPOSES)[number];

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
  /** `manual` only authorizes the card (the authorize plan); `capturePayment` takes the money later. */
  captureMethod?: "automatic" | "manual";
  /** Which of the booking's charges this is. */
  purpose?: ChargePurpose;
  /**
   * Standard accounts only: the customer's copy on the fieldworker's account (from an earlier BookingPayment's or
   * BookingSetup's `customerId`); `paymentMethodId` is then a card saved on that account, used as it is.
   */
  connectedCustomerId?: string;
  /**
   * Required in Connect mode, refused in Stripe mode: who does the job and the business's commission.
   * `applicationFee`, when given, is the fee exactly (a later charge of a booking, see plans.ts feeForCharge).
   */
  connect?: { accountId: string; accountType: ConnectAccountType; fee: FeeRule; applicationFee?: Money };
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
  /** The customer the PaymentIntent carries, on whichever account it lives (keep it for later charges). */
  customerId: string | null;
  captureMethod: "automatic" | "manual";
}

export interface CapturePaymentInput {
  tenantId: string;
  paymentIntentId: string;
  /** The connected account the PaymentIntent lives on (Standard direct charges), else null. */
  onAccount: string | null;
  /** How much of the authorization to take; the rest is released. */
  amount: Money;
  /** Connect only: the business's commission on what is captured. */
  applicationFee: Money | null;
}

export interface BookingSetupInput {
  tenantId: string;
  bookingId: string;
  attempt: number;
  /** The customer on the business's (platform) account. */
  stripeCustomerId: string;
  /** Connect mode: the fieldworker doing the job (a Standard account keeps the card on their own account). */
  connect?: { accountId: string; accountType: ConnectAccountType };
  /** Standard accounts: the customer's copy on the fieldworker's account, when one was made before. */
  connectedCustomerId?: string;
}

export interface BookingSetup {
  setupIntentId: string;
  clientSecret: string;
  /** Stripe.js must be initialised with this `stripeAccount` when set (Standard accounts). */
  onAccount: string | null;
  /** The customer the card is saved for, on that account. */
  customerId: string;
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
  /** For the portal to complete the same PaymentIntent (a failed off-session charge). */
  clientSecret: string | null;
  amount: number;
  amountReceived: number;
  /** What an authorization still holds. */
  amountCapturable: number;
  paymentMethodId: string | null;
  /** When an authorization lapses (the card network's capture deadline), else null. */
  captureBefore: Date | null;
  /** The card the latest charge used, as Stripe reports it ("visa", "4242"), else null. */
  card: { brand: string; last4: string } | null;
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
  /**
   * Takes (part of) an authorization. One that lapsed or was cancelled answers `status: "canceled"` and
   * `amountReceived: 0`, for the caller to charge the card on file instead.
   */
  capturePayment(input: CapturePaymentInput): Promise<Outcome<{ status: string; amountReceived: number }>>;
  /** Saves the card at booking for a charge after the job (the card-on-file plan). */
  createBookingSetup(input: BookingSetupInput): Promise<Outcome<{ setup: BookingSetup }>>;
  retrieveSetup(input: {
    setupIntentId: string;
    onAccount: string | null;
  }): Promise<Outcome<{ setup: { setupIntentId: string; status: string; paymentMethodId: string | null } }>>;
  /** Answers a dispute on the business's own account: documents through Stripe Files, then the evidence. */
  submitDisputeEvidence(input: DisputeEvidenceInput): Promise<Outcome<{ result: DisputeEvidenceResult }>>;
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
  /** Takes the fieldworker's share of a disputed destination charge back from its transfer (one per dispute). */
  reverseDisputedShare(
    input: ReverseDisputedShareInput,
  ): Promise<Outcome<{ reversal: { id: string; transferId: string; amount: number } }>>;
  /** Sends that share to the fieldworker again once the dispute is won (one per dispute). */
  resendDisputedShare(input: ResendDisputedShareInput): Promise<Outcome<{ transferId: string }>>;
}

/** `mode` tells the two apart: checking `strategy.mode === "connect"` narrows to the Connect operations. */
export type ConnectPaymentStrategy = PaymentStrategy & ConnectOperations & { readonly mode: "connect" };
export type DirectPaymentStrategy = PaymentStrategy & { readonly mode: "direct" };
