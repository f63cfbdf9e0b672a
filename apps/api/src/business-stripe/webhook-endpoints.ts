// What the admin pastes into Stripe (Developers > Webhooks): one endpoint for the business's own account,
// one for events from connected accounts ("Listen to events on Connected accounts").
// Payments, holds, saved cards, refunds, disputes and payouts: the business's own on its endpoint; Standard
// accounts' direct charges (and their disputes) and every connected account's payouts on the Connect endpoint.
const PAYMENT_EVENTS = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.requires_action",
  "payment_intent.canceled",
  "payment_intent.amount_capturable_updated",
  "setup_intent.succeeded",
  // The card a payment was made with (brand and last 4), for the receipt.
  "charge.succeeded",
  "charge.captured",
  "charge.expired",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
  "payout.created",
  "payout.paid",
  "payout.failed",
  "payout.canceled",
  "payout.updated",
] as const;

export const ACCOUNT_EVENTS = [
  ...PAYMENT_EVENTS,
  "transfer.created",
  "transfer.reversed",
  "application_fee.created",
  "application_fee.refunded",
  "account.updated",
] as const;

export const CONNECT_EVENTS = [
  "account.updated",
  "account.application.deauthorized",
  "capability.updated",
  ...PAYMENT_EVENTS,
] as const;

export function webhookEndpoints(webhookBaseUrl: string, tenantId: string) {
  const base = `${webhookBaseUrl.replace(/\/$/, "")}/webhooks/stripe/${tenantId}`;
  return {
    account: { url: base, events: [...ACCOUNT_EVENTS] },
    connect: { url: `${base}/connect`, events: [...CONNECT_EVENTS] },
  };
}
