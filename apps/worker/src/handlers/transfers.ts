import { applyTransferSnapshot } from "@fieldpay/db/repositories/transfers";
import type Stripe from "stripe";
import { type EventContext, fromUnix, idOf } from "./types.ts";

export async function transferChanged(
  ctx: EventContext<Stripe.TransferCreatedEvent | Stripe.TransferReversedEvent>,
): Promise<string> {
  const transfer = ctx.event.data.object;
  const destination = idOf(transfer.destination);
  if (destination === null) return "ignored: the transfer has no destination";
  await applyTransferSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    id: transfer.id,
    destination,
    amount: transfer.amount,
    amountReversed: transfer.amount_reversed,
    currency: transfer.currency,
    sourceCharge: idOf(transfer.source_transaction),
    createdAt: fromUnix(transfer.created),
    eventAt: ctx.eventAt,
  });
  return `transfer of ${transfer.amount} (${transfer.amount_reversed} reversed)`;
}
