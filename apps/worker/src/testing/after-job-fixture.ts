// A booking whose job was marked done, written straight to the database as the api leaves it: its plan, what was
// taken at booking (a deposit, a hold, or nothing), the card kept for after the job, and the final amount.
import { randomUUID } from "node:crypto";
import type { Db } from "@fieldpay/db/client";
import type { ChargeType, PaymentPlan } from "@fieldpay/db/schema";
import { seedBooking } from "./booking-fixture.ts";

export interface DoneBookingOptions {
  plan: PaymentPlan;
  price: number;
  final: number;
  /** What was taken at booking: a deposit (deposit plan), the hold (authorize) or the whole price (full). */
  atBooking?: number;
  chargeType?: ChargeType;
  accountId?: string | null;
  /** 10% agreed at booking unless given. */
  feeBps?: number;
  card?: boolean;
  /** The card and its customer live on this account (Standard). */
  cardOnAccount?: string | null;
}

export const randomId = (prefix: string) => `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 20)}`;

export async function seedDoneBooking(db: Db, tenantId: string, options: DoneBookingOptions) {
  const booking = await seedBooking(db, tenantId, options.price);
  const chargeType = options.chargeType ?? "destination";
  const accountId = chargeType === "direct" ? null : (options.accountId ?? "acct_fwfay");
  const feeBps = options.feeBps ?? 1000;
  const card = options.card ?? true;
  const hold = options.plan === "authorize";
  const taken = options.atBooking ?? (options.plan === "card_on_file" ? 0 : options.price);
  const status =
    options.plan === "deposit"
      ? "deposit_paid"
      : hold
        ? "authorized"
        : options.plan === "card_on_file"
          ? "card_saved"
          : "paid";
  await db
    .updateTable("bookings")
    .set({
      status,
      payment_plan: options.plan,
      deposit_amount: options.plan === "deposit" ? taken : null,
      final_amount: options.final,
      done_at: new Date(),
      agreed_fee_bps: chargeType === "direct" ? null : feeBps,
      card_customer_id: card ? randomId("cus") : null,
      card_payment_method_id: card ? randomId("pm") : null,
      card_on_account: options.cardOnAccount ?? null,
      authorization_expires_at: hold ? new Date(Date.now() + 5 * 86_400_000) : null,
    })
    .where("id", "=", booking.id)
    .execute();
  let payment: { id: string; payment_intent_id: string | null } | undefined;
  if (taken > 0) {
    const fee = chargeType === "direct" ? null : Math.round((taken * feeBps) / 10_000);
    payment = await db
      .insertInto("payments")
      .values({
        tenant_id: tenantId,
        booking_id: booking.id,
        attempt: 1,
        payment_intent_id: randomId("pi"),
        status: hold ? "requires_capture" : "succeeded",
        amount: taken,
        currency: "usd",
        charge_type: chargeType,
        fieldworker_account_id: accountId,
        on_account: chargeType === "direct_on_connected_account" ? accountId : null,
        application_fee_amount: fee,
        fieldworker_net_amount: fee === null ? null : taken - fee,
        purpose: hold ? "authorization" : options.plan === "deposit" ? "deposit" : "full",
        capture_method: hold ? "manual" : "automatic",
      })
      .returning(["id", "payment_intent_id"])
      .executeTakeFirstOrThrow();
  }
  const after = await db
    .selectFrom("bookings")
    .selectAll()
    .where("id", "=", booking.id)
    .executeTakeFirstOrThrow();
  return { booking: after, atBooking: payment };
}

/** The booking, its payments (oldest first), its ledger totals and the customer's emails, as a test reads them. */
export async function afterJobState(db: Db, tenantId: string, bookingId: string) {
  const booking = await db
    .selectFrom("bookings")
    .selectAll()
    .where("id", "=", bookingId)
    .executeTakeFirstOrThrow();
  const payments = await db
    .selectFrom("payments")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .orderBy("attempt")
    .execute();
  const ledger = await db
    .selectFrom("ledger_lines")
    .select(["kind", "purpose", "amount", "business_amount", "fieldworker_amount"])
    .where("booking_id", "=", bookingId)
    .orderBy("occurred_at")
    .execute();
  const alerts = await db
    .selectFrom("alerts")
    .select(["kind", "key", "title", "explanation", "fix", "resolved_at"])
    .where("tenant_id", "=", tenantId)
    .where("key", "like", `%${bookingId}`)
    .execute();
  return { booking, payments, ledger, alerts };
}
