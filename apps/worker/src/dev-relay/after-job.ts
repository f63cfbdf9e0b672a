// What Stripe would announce of the worker's after-job charges, played against stateless stripe-mock (which
// answers every off-session charge and capture with its fixture, and never says "succeeded"): an off-session
// charge goes through, a prepared capture is captured, and a booking's SetupIntent saves its card. Read from
// fieldpay's own records; event ids derive from the Stripe object, so each is announced once (the worker
// stores an event id once, and the relay skips what the worker already stored).
import type { Db } from "@fieldpay/db/client";
import { sql } from "kysely";
import { chargeIdOf, type RelayEvent, stripeEvent, THREE_DS_CARD } from "./events.ts";
import { paymentColumns, type RelayPayment } from "./payments.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const recently = () => new Date(Date.now() - DAY_MS);

/** The id of the relay's event for a PaymentIntent and step (as paymentEvents names it). */
const stepEventId = (step: string) =>
  sql<string>`'evt_dev_' || regexp_replace(payments.payment_intent_id, '^pi_', '') || '_' || ${step}::text`;
const notStored = (id: ReturnType<typeof sql<string>>) =>
  sql<boolean>`not exists (select 1 from webhook_events w where w.tenant_id = payments.tenant_id and w.id = ${id})`;

/** A card saved from a 3-D Secure test card: off-session, its bank wants the customer (events.ts names it). */
export const needsCustomer = (paymentMethodId: string | null) =>
  paymentMethodId?.startsWith(THREE_DS_CARD) ?? false;

/** Off-session charges Stripe has not answered with a success or a card error yet (stripe-mock's fixture). */
export async function pendingOffSessionCharges(db: Db): Promise<(RelayPayment & { card: string | null })[]> {
  const rows = await db
    .selectFrom("payments")
    .innerJoin("bookings", "bookings.id", "payments.booking_id")
    .select([
      ...paymentColumns,
      "payments.amount",
      "payments.payment_intent_id as paymentIntentId",
      "bookings.card_payment_method_id as card",
    ])
    .where("payments.off_session", "=", true)
    .where("payments.status", "not in", ["succeeded", "canceled", "creating"])
    .where("payments.failure_code", "is", null)
    .where("payments.payment_intent_id", "is not", null)
    .where("payments.updated_at", ">", recently())
    .where(notStored(stepEventId("offsession")))
    .orderBy("payments.updated_at")
    .limit(200)
    .execute();
  return rows.flatMap((r) => (r.paymentIntentId ? [{ ...r, paymentIntentId: r.paymentIntentId }] : []));
}

/** Holds the worker prepared to capture (the split written, amount_received set) and Stripe has not confirmed. */
export async function pendingCaptures(db: Db): Promise<RelayPayment[]> {
  const rows = await db
    .selectFrom("payments")
    .select([
      ...paymentColumns,
      sql<number>`coalesce(payments.amount_received, payments.amount)`.as("amount"),
      "payments.payment_intent_id as paymentIntentId",
    ])
    .where("status", "=", "requires_capture")
    .where("amount_received", "is not", null)
    .where("payment_intent_id", "is not", null)
    .where("updated_at", ">", recently())
    .where(notStored(stepEventId("capture")))
    .orderBy("updated_at")
    .limit(200)
    .execute();
  return rows.flatMap((r) => (r.paymentIntentId ? [{ ...r, paymentIntentId: r.paymentIntentId }] : []));
}

/** charge.captured for a prepared capture; its payment_intent.succeeded (and split) follows from paymentEvents. */
export function capturedEvent(payment: RelayPayment): RelayEvent {
  const charge = {
    id: chargeIdOf(payment.paymentIntentId),
    object: "charge",
    amount: payment.amount,
    amount_captured: payment.amount,
    captured: true,
    currency: payment.currency,
    payment_intent: payment.paymentIntentId,
    status: "succeeded",
  };
  const suffix = payment.paymentIntentId.replace(/^pi_/, "");
  return {
    endpoint: payment.onAccount ? "connect" : "account",
    event: stripeEvent(`evt_dev_${suffix}_capture`, "charge.captured", charge, payment.onAccount),
  };
}

/** Bookings whose SetupIntent was handed to the customer and whose card is not kept yet. */
export async function pendingBookingSetups(db: Db) {
  return db
    .selectFrom("bookings")
    .select([
      "bookings.tenant_id as tenantId",
      "bookings.id as bookingId",
      "bookings.setup_intent_id as setupIntentId",
      "bookings.card_customer_id as customerId",
      "bookings.card_on_account as onAccount",
    ])
    .where("setup_intent_id", "is not", null)
    .where("card_payment_method_id", "is", null)
    .where("updated_at", ">", recently())
    .where(
      sql<boolean>`not exists (select 1 from webhook_events w where w.tenant_id = bookings.tenant_id
        and w.id = 'evt_dev_setup_' || bookings.setup_intent_id)`,
    )
    .orderBy("updated_at")
    .limit(200)
    .$narrowType<{ setupIntentId: string }>()
    .execute();
}

export function setupSucceededEvent(
  setup: Awaited<ReturnType<typeof pendingBookingSetups>>[number],
): RelayEvent {
  const intent = {
    id: setup.setupIntentId,
    object: "setup_intent",
    status: "succeeded",
    usage: "off_session",
    customer: setup.customerId,
    // A card stripe-mock takes for the off-session charge after the job.
    payment_method: `pm_dev_${setup.bookingId.replaceAll("-", "")}`,
    metadata: { tenant_id: setup.tenantId, booking_id: setup.bookingId, charge: "card_on_file" },
  };
  return {
    endpoint: setup.onAccount ? "connect" : "account",
    event: stripeEvent(
      `evt_dev_setup_${setup.setupIntentId}`,
      "setup_intent.succeeded",
      intent,
      setup.onAccount,
    ),
  };
}
