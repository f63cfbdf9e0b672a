import type { Db } from "@fieldpay/db/client";
import type Stripe from "stripe";

export interface EventContext<E extends Stripe.Event = Stripe.Event> {
  /** The transaction the event is applied in; the event is marked processed in the same one. */
  trx: Db;
  tenantId: string;
  endpoint: "account" | "connect";
  event: E;
  /** The event's `created`: what older-event guards compare with. */
  eventAt: Date;
  /** The business's own Stripe account (payouts arriving on the account endpoint are its payouts). */
  businessAccountId: string;
  /** The web app's origin, for links in the emails an event queues (WEB_ORIGIN). */
  webOrigin: string;
}

/** Applies one event to our records and says what it did, for the log. Running it twice must be harmless. */
export type EventHandler<E extends Stripe.Event = Stripe.Event> = (ctx: EventContext<E>) => Promise<string>;

/** Stripe sends expandable fields as an id or as the object itself. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}

export const fromUnix = (seconds: number) => new Date(seconds * 1000);
