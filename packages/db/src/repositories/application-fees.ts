// The business's commission on Connect payments, as Stripe collected it (application fees). amount_refunded
// only ever grows, so refund events apply in any order.
import type { Db } from "../client.ts";

export interface ApplicationFeeSnapshot {
  tenantId: string;
  id: string;
  /** The connected account the fee was taken from. */
  account: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  charge: string | null;
  createdAt: Date;
  eventAt: Date;
}

export async function applyApplicationFeeSnapshot(db: Db, f: ApplicationFeeSnapshot): Promise<boolean> {
  const row = await db
    .insertInto("application_fees")
    .values({
      id: f.id,
      tenant_id: f.tenantId,
      account: f.account,
      amount: f.amount,
      amount_refunded: f.amountRefunded,
      currency: f.currency,
      charge: f.charge,
      stripe_created_at: f.createdAt,
      stripe_event_at: f.eventAt,
    })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet((eb) => ({
          amount_refunded: eb.fn("greatest", ["application_fees.amount_refunded", eb.val(f.amountRefunded)]),
          stripe_event_at: eb.fn("greatest", ["application_fees.stripe_event_at", eb.val(f.eventAt)]),
        }))
        .where("application_fees.tenant_id", "=", f.tenantId),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
