// The dev relay plays Stripe's servers for `npm run dev` against stripe-mock (which keeps no state and sends no
// webhooks): told by the Stripe.js stand-in what the customer's bank said, it posts the business's worker the
// events Stripe would, signed with that business's own webhook secret, through the worker's real endpoint; and it
// announces refunds fieldpay made (charge.refunded), the worker's after-job charges and captures, and cards saved
// through a booking's SetupIntent, as Stripe does. Never with the real Stripe API.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import type { SecretBox } from "@fieldpay/db/secret-box";
import { signWebhookPayload } from "@fieldpay/payments/webhooks";
import { endpointSecrets } from "../webhooks/endpoint-secrets.ts";
import {
  capturedEvent,
  needsCustomer,
  pendingBookingSetups,
  pendingCaptures,
  pendingOffSessionCharges,
  setupSucceededEvent,
} from "./after-job.ts";
import { chargeIdOf, type Outcome, paymentEvents, type RelayEvent, stripeEvent } from "./events.ts";
import type { RelayPayment } from "./payments.ts";
import {
  findNewestPaymentOfBooking,
  findPaymentByIntent,
  refundEventId,
  unannouncedRefunds,
} from "./payments.ts";

const BOOKING_IN_PAGE = /\/bookings\/([0-9a-f-]{36})(?:\/|$)/;

export interface RelayDeps {
  db: Db;
  secretBox: SecretBox;
  workerUrl: string;
  log: (message: string) => void;
}

export interface ConfirmReport {
  clientSecret: string;
  page: string;
  outcome: Outcome;
  declineCode?: string | undefined;
}

export type ConfirmAnswer =
  | { ok: true; sent: string[] }
  | { ok: false; status: 404 | 409 | 502; message: string };

async function deliver(
  deps: RelayDeps,
  tenantId: string,
  { endpoint, event }: RelayEvent,
): Promise<string | null> {
  const settings = await findPaymentSettings(deps.db, tenantId);
  const [secret] = settings ? endpointSecrets(deps.secretBox, settings, endpoint) : [];
  if (!secret) return `the business has no ${endpoint === "connect" ? "Connect " : ""}webhook signing secret`;
  const payload = JSON.stringify(event);
  const path = `/webhooks/stripe/${tenantId}${endpoint === "connect" ? "/connect" : ""}`;
  const response = await fetch(new URL(path, deps.workerUrl), {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signWebhookPayload(payload, secret) },
    body: payload,
  }).catch((error: unknown) => ({ ok: false, status: 0, statusText: String(error) }));
  if (!response.ok) return `the worker answered ${response.status || response.statusText}`;
  deps.log(`sent ${String(event.type)} (${String(event.id)}) to ${path}`);
  return null;
}

/** Whether this PaymentIntent asked for 3-D Secure on the way (its requires_action event was sent before). */
async function passedThreeDS(db: Db, payment: RelayPayment): Promise<boolean> {
  const id = `evt_dev_${payment.paymentIntentId.replace(/^pi_/, "")}_requires_action`;
  const row = await db
    .selectFrom("webhook_events")
    .select("id")
    .where("tenant_id", "=", payment.tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

async function deliverAll(deps: RelayDeps, tenantId: string, events: RelayEvent[]) {
  for (const event of events) {
    const problem = await deliver(deps, tenantId, event);
    if (problem) return problem;
  }
  return null;
}

export function createRelay(deps: RelayDeps) {
  return {
    /** The stand-in's report of a confirmation: the PaymentIntent's events. SetupIntents change nothing here. */
    async confirm(report: ConfirmReport): Promise<ConfirmAnswer> {
      const intentId = report.clientSecret.split("_secret_")[0] ?? "";
      if (intentId.startsWith("seti_")) return { ok: true, sent: [] };
      // stripe-mock hands out one fixture client secret whatever PaymentIntent it made, so the secret may not name
      // ours: then the booking on the page does (its newest attempt is the one the page confirms).
      const bookingId = BOOKING_IN_PAGE.exec(report.page)?.[1] ?? null;
      const payment =
        (await findPaymentByIntent(deps.db, intentId)) ??
        (bookingId ? await findNewestPaymentOfBooking(deps.db, bookingId) : null);
      if (!payment) return { ok: false, status: 404, message: `no fieldpay payment for ${report.page}` };
      const threeDS = report.outcome === "succeeded" && (await passedThreeDS(deps.db, payment));
      const events = paymentEvents(payment, report.outcome, report.declineCode, report.outcome, { threeDS });
      const problem = await deliverAll(deps, payment.tenantId, events);
      if (problem) return { ok: false, status: 502, message: problem };
      return { ok: true, sent: events.map((e) => String(e.event.type)) };
    },

    /**
     * What Stripe would say of the after-job money: the off-session charges succeed, prepared captures are
     * captured, booking SetupIntents save their card. Returns how many events were sent.
     */
    async announceAfterJob(): Promise<number> {
      const batches: { tenantId: string; events: RelayEvent[] }[] = [
        ...(await pendingOffSessionCharges(deps.db)).map((p) => ({
          tenantId: p.tenantId,
          // A card saved through 3-D Secure wants its customer again off-session, as test card 3184 does.
          events: needsCustomer(p.card)
            ? paymentEvents(p, "declined", "authentication_required", "offsession")
            : paymentEvents(p, "succeeded", undefined, "offsession"),
        })),
        ...(await pendingCaptures(deps.db)).map((p) => ({
          tenantId: p.tenantId,
          events: [
            capturedEvent(p),
            ...paymentEvents(p, "succeeded", undefined, "captured", { captured: true }),
          ],
        })),
        ...(await pendingBookingSetups(deps.db)).map((s) => ({
          tenantId: s.tenantId,
          events: [setupSucceededEvent(s)],
        })),
      ];
      let sent = 0;
      for (const batch of batches) {
        const problem = await deliverAll(deps, batch.tenantId, batch.events);
        if (problem) deps.log(`could not announce an after-job event: ${problem}`);
        else sent += batch.events.length;
      }
      return sent;
    },

    /** charge.refunded for each refund Stripe made that the worker has not been told of; returns how many. */
    async announceRefunds(): Promise<number> {
      let sent = 0;
      for (const refund of await unannouncedRefunds(deps.db)) {
        if (!refund.paymentIntentId || !refund.stripeRefundId) continue;
        const charge = {
          id: chargeIdOf(refund.paymentIntentId),
          object: "charge",
          amount: refund.amount,
          amount_refunded: refund.amountRefunded,
          currency: refund.currency,
          payment_intent: refund.paymentIntentId,
          refunded: refund.amountRefunded >= refund.amount,
          refunds: {
            object: "list",
            data: [{ id: refund.stripeRefundId, object: "refund", status: "succeeded" }],
          },
        };
        const endpoint = refund.onAccount ? "connect" : "account";
        const event = stripeEvent(
          refundEventId(refund.refundId),
          "charge.refunded",
          charge,
          refund.onAccount,
        );
        const problem = await deliver(deps, refund.tenantId, { endpoint, event });
        if (problem) deps.log(`could not announce refund ${refund.stripeRefundId}: ${problem}`);
        else sent += 1;
      }
      return sent;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
