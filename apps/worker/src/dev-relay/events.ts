// The events Stripe sends when a customer's bank answers, built from what fieldpay recorded of the payment
// (stripe-mock keeps nothing). Ids are derived from the payment and the step, so a repeated report is the same
// event, which the worker stores once.
import type { RelayPayment } from "./payments.ts";

export type Outcome = "succeeded" | "requires_action" | "declined";

export interface RelayEvent {
  endpoint: "account" | "connect";
  event: Record<string, unknown>;
}

const now = () => Math.floor(Date.now() / 1000);
const suffix = (paymentIntentId: string) => paymentIntentId.replace(/^pi_/, "");
export const chargeIdOf = (paymentIntentId: string) => `ch_${suffix(paymentIntentId)}`;

export function stripeEvent(
  id: string,
  type: string,
  object: Record<string, unknown>,
  account: string | null,
): Record<string, unknown> {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(account && { account }),
    data: { object },
  };
}

/** The card a confirmed PaymentIntent used: named for 3-D Secure cards, whose bank later wants the customer. */
export const THREE_DS_CARD = "pm_dev_3ds_";
const cardOf = (payment: RelayPayment, threeDS: boolean) =>
  `${threeDS ? THREE_DS_CARD : "pm_dev_"}${suffix(payment.paymentIntentId)}`;

function paymentIntent(
  payment: RelayPayment,
  status: string,
  declineCode: string | undefined,
  threeDS: boolean,
) {
  const declined = status === "requires_payment_method";
  const code =
    declineCode === "authentication_required" ? "payment_intent_authentication_failure" : "card_declined";
  const held = status === "requires_capture";
  return {
    id: payment.paymentIntentId,
    object: "payment_intent",
    amount: payment.amount,
    amount_received: status === "succeeded" ? payment.amount : 0,
    amount_capturable: held ? payment.amount : 0,
    currency: payment.currency,
    status,
    capture_method: payment.captureMethod,
    latest_charge: status === "succeeded" || held ? chargeIdOf(payment.paymentIntentId) : null,
    payment_method: status === "succeeded" || held ? cardOf(payment, threeDS) : null,
    application_fee_amount: payment.applicationFeeAmount,
    metadata: { booking_id: payment.bookingId },
    last_payment_error: declined
      ? { type: "card_error", code, decline_code: declineCode, message: "The card was declined." }
      : null,
    livemode: false,
  };
}

export interface EventOptions {
  /** The customer passed their bank's 3-D Secure check on the way (the saved card will want them again). */
  threeDS?: boolean;
  /** A hold being captured: it succeeds now, with its split. */
  captured?: boolean;
}

/** What Stripe sends for one outcome of one payment; the step (attempt at confirming) keeps ids apart. */
export function paymentEvents(
  payment: RelayPayment,
  outcome: Outcome,
  declineCode: string | undefined,
  step: string,
  options: EventOptions = {},
): RelayEvent[] {
  // A direct charge on a Standard account happens on that account: its events come on the Connect endpoint.
  const onAccount = payment.onAccount;
  const endpoint = onAccount ? "connect" : "account";
  const base = `evt_dev_${suffix(payment.paymentIntentId)}_${step}`;
  // A confirmed hold waits for its capture: requires_capture, announced as amount_capturable_updated.
  const hold = outcome === "succeeded" && payment.captureMethod === "manual" && !options.captured;
  const status = hold
    ? "requires_capture"
    : { succeeded: "succeeded", requires_action: "requires_action", declined: "requires_payment_method" }[
        outcome
      ];
  const type = hold
    ? "payment_intent.amount_capturable_updated"
    : {
        succeeded: "payment_intent.succeeded",
        requires_action: "payment_intent.requires_action",
        declined: "payment_intent.payment_failed",
      }[outcome];
  const intent = paymentIntent(payment, status, declineCode, options.threeDS ?? false);
  const events: RelayEvent[] = [{ endpoint, event: stripeEvent(base, type, intent, onAccount) }];
  if (outcome === "succeeded" && !hold) {
    const charge = cardCharge(payment, options.threeDS ?? false);
    events.push({ endpoint, event: stripeEvent(`${base}_charge`, "charge.succeeded", charge, onAccount) });
    events.push(...splitEvents(payment, base));
  }
  return events;
}

/** The charge Stripe announces with a success, carrying the card as the receipt shows it (test cards' digits). */
function cardCharge(payment: RelayPayment, threeDS: boolean) {
  return {
    id: chargeIdOf(payment.paymentIntentId),
    object: "charge",
    amount: payment.amount,
    currency: payment.currency,
    status: "succeeded",
    paid: true,
    payment_intent: payment.paymentIntentId,
    payment_method: cardOf(payment, threeDS),
    payment_method_details: { type: "card", card: { brand: "visa", last4: threeDS ? "3184" : "4242" } },
    livemode: false,
  };
}

/** A destination charge's split: the commission kept and the transfer to the fieldworker (platform events). */
function splitEvents(payment: RelayPayment, base: string): RelayEvent[] {
  const charge = chargeIdOf(payment.paymentIntentId);
  const account = payment.onAccount ?? payment.fieldworkerAccountId;
  if (!account || payment.applicationFeeAmount === null) return [];
  const fee = {
    id: `fee_${suffix(payment.paymentIntentId)}`,
    object: "application_fee",
    account,
    amount: payment.applicationFeeAmount,
    amount_refunded: 0,
    currency: payment.currency,
    charge,
    created: now(),
  };
  const events: RelayEvent[] = [
    { endpoint: "account", event: stripeEvent(`${base}_fee`, "application_fee.created", fee, null) },
  ];
  if (payment.chargeType === "destination" && payment.fieldworkerNetAmount !== null) {
    const transfer = {
      id: `tr_${suffix(payment.paymentIntentId)}`,
      object: "transfer",
      destination: account,
      amount: payment.fieldworkerNetAmount,
      amount_reversed: 0,
      currency: payment.currency,
      source_transaction: charge,
      transfer_group: payment.bookingId,
      created: now(),
    };
    events.push({
      endpoint: "account",
      event: stripeEvent(`${base}_transfer`, "transfer.created", transfer, null),
    });
  }
  return events;
}
