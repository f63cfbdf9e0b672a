import { applyApplicationFeeSnapshot } from "@fieldpay/db/repositories/application-fees";
import type Stripe from "stripe";
import { type EventContext, fromUnix, idOf } from "./types.ts";

export async function applicationFeeChanged(
  ctx: EventContext<Stripe.ApplicationFeeCreatedEvent | Stripe.ApplicationFeeRefundedEvent>,
): Promise<string> {
  const fee = ctx.event.data.object;
  const account = idOf(fee.account);
  if (account === null) return "ignored: the fee has no connected account";
  await applyApplicationFeeSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    id: fee.id,
    account,
    amount: fee.amount,
    amountRefunded: fee.amount_refunded,
    currency: fee.currency,
    charge: idOf(fee.charge),
    createdAt: fromUnix(fee.created),
    eventAt: ctx.eventAt,
  });
  return `commission of ${fee.amount} (${fee.amount_refunded} refunded)`;
}
