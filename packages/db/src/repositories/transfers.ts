// Transfers from the business to its fieldworkers' connected accounts (their share of each Connect payment).
// amount_reversed only ever grows, so reversal events apply in any order.
import type { Db } from "../client.ts";

export interface TransferSnapshot {
  tenantId: string;
  id: string;
  destination: string;
  amount: number;
  amountReversed: number;
  currency: string;
  sourceCharge: string | null;
  createdAt: Date;
  eventAt: Date;
}

export async function applyTransferSnapshot(db: Db, t: TransferSnapshot): Promise<boolean> {
  const row = await db
    .insertInto("transfers")
    .values({
      id: t.id,
      tenant_id: t.tenantId,
      destination: t.destination,
      amount: t.amount,
      amount_reversed: t.amountReversed,
      currency: t.currency,
      source_charge: t.sourceCharge,
      stripe_created_at: t.createdAt,
      stripe_event_at: t.eventAt,
    })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet((eb) => ({
          amount_reversed: eb.fn("greatest", ["transfers.amount_reversed", eb.val(t.amountReversed)]),
          stripe_event_at: eb.fn("greatest", ["transfers.stripe_event_at", eb.val(t.eventAt)]),
        }))
        .where("transfers.tenant_id", "=", t.tenantId),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
