// Which handler an event type goes to. Types without one are stored and acknowledged, nothing more.
import type Stripe from "stripe";
import { accountDeauthorized, accountUpdated, capabilityUpdated } from "./accounts.ts";
import { applicationFeeChanged } from "./application-fees.ts";
import { chargeRefunded, chargeSucceeded } from "./charges.ts";
import { disputeChanged } from "./disputes.ts";
import { amountCapturableUpdated, chargeCaptured, chargeExpired } from "./holds.ts";
import { paymentIntentChanged } from "./payment-intents.ts";
import { payoutChanged } from "./payouts.ts";
import { setupIntentSucceeded } from "./setup-intents.ts";
import { transferChanged } from "./transfers.ts";
import type { EventContext } from "./types.ts";

export async function dispatchEvent(ctx: EventContext): Promise<string> {
  const { event } = ctx;
  // Each case narrows the event, so every handler sees its own object type.
  switch (event.type) {
    case "account.updated":
      return accountUpdated({ ...ctx, event });
    case "account.application.deauthorized":
      return accountDeauthorized({ ...ctx, event });
    case "capability.updated":
      return capabilityUpdated({ ...ctx, event });
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.requires_action":
    case "payment_intent.canceled":
      return paymentIntentChanged({ ...ctx, event });
    case "payment_intent.amount_capturable_updated":
      return amountCapturableUpdated({ ...ctx, event });
    case "charge.captured":
      return chargeCaptured({ ...ctx, event });
    case "charge.expired":
      return chargeExpired({ ...ctx, event });
    case "setup_intent.succeeded":
      return setupIntentSucceeded({ ...ctx, event });
    case "charge.succeeded":
      return chargeSucceeded({ ...ctx, event });
    case "charge.refunded":
      return chargeRefunded({ ...ctx, event });
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed":
    case "charge.dispute.funds_withdrawn":
    case "charge.dispute.funds_reinstated":
      return disputeChanged({ ...ctx, event });
    case "payout.created":
    case "payout.paid":
    case "payout.failed":
    case "payout.canceled":
    case "payout.updated":
      return payoutChanged({ ...ctx, event });
    case "transfer.created":
    case "transfer.reversed":
      return transferChanged({ ...ctx, event });
    case "application_fee.created":
    case "application_fee.refunded":
      return applicationFeeChanged({ ...ctx, event });
    default:
      return `stored only: no handler for ${event.type}`;
  }
}

/** The stored payload read back as an event (it was verified and checked for this shape when received). */
export function isStripeEvent(value: unknown): value is Stripe.Event {
  if (typeof value !== "object" || value === null) return false;
  if (!("object" in value) || value.object !== "event") return false;
  if (!("type" in value) || typeof value.type !== "string") return false;
  if (!("created" in value) || typeof value.created !== "number") return false;
  return "data" in value && typeof value.data === "object" && value.data !== null;
}
