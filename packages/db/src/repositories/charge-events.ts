// What Stripe's charge events mean for our payments and bookings: refunds (also those made in the Stripe
// dashboard); disputes are in disputes.ts. Refunded totals only ever grow, so events apply in any order and any number of times.
import { sql } from "kysely";
import type { Db } from "../client.ts";
import { applyBookingRefundStatus } from "./refunds.ts";

export interface ChargeRefundedInput {
  tenantId: string;
  paymentIntentId: string;
  /** The charge's amount_refunded: every refund so far, in minor units. */
  amountRefunded: number;
  /** Refunds listed on the charge, when Stripe included them. */
  refunds: readonly { id: string; status: string }[];
}

/** Returns whether a payment of ours matched. */
export async function applyChargeRefunded(db: Db, input: ChargeRefundedInput): Promise<boolean> {
  const payment = await db
    .updateTable("payments")
    .set((eb) => ({
      amount_refunded: eb.fn("greatest", ["amount_refunded", eb.val(input.amountRefunded)]),
      updated_at: new Date(),
    }))
    .where("tenant_id", "=", input.tenantId)
    .where("payment_intent_id", "=", input.paymentIntentId)
    .returning(["id", "booking_id", "amount", "amount_refunded", "duplicate_at"])
    .executeTakeFirst();
  if (!payment) return false;
  for (const refund of input.refunds) {
    await db
      .updateTable("refunds")
      .set({ status: refund.status })
      .where("tenant_id", "=", input.tenantId)
      .where("payment_id", "=", payment.id)
      .where("stripe_refund_id", "=", refund.id)
      .execute();
  }
  // A duplicate's refund gives back the second charge; the booking stays paid by its own payment.
  if (payment.amount_refunded <= 0 || payment.duplicate_at !== null) return true;
  await applyBookingRefundStatus(db, input.tenantId, payment.booking_id);
  return true;
}

/**
 * One capability of a connected account changed (capability.updated). Merged into the stored capabilities
 * unless a newer event about the account was applied already.
 */
export async function applyCapabilityUpdate(
  db: Db,
  input: { tenantId: string; stripeAccountId: string; capability: string; status: string; eventAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("fieldworker_accounts")
    .set({
      capabilities: sql`capabilities || jsonb_build_object(${input.capability}::text, ${input.status}::text)`,
      stripe_event_at: input.eventAt,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", input.tenantId)
    .where("stripe_account_id", "=", input.stripeAccountId)
    .where((eb) => eb.or([eb("stripe_event_at", "is", null), eb("stripe_event_at", "<=", input.eventAt)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
