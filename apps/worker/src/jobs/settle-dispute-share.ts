// When the business lets fieldworkers carry lost disputes (payment_settings.dispute_liability = 'fieldworker'), a
// destination charge's dispute takes the fieldworker's share back from the charge's transfer when it opens
// (transfers.createReversal, in proportion to the disputed amount), and sends it to them again if the dispute is
// won. Queued in the dispute event's transaction; decides from the dispute as it stands, so any order of events
// and any number of runs do each step once (one idempotency key per dispute and step, and a row that records it).

import {
  type DisputeRow,
  findDispute,
  recordShareResent,
  recordShareReversed,
  WON_DISPUTE,
} from "@fieldpay/db/repositories/disputes";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { chargedAmount, type PaymentRow } from "@fieldpay/db/repositories/payments";
import { strategyForSavedSettings } from "@fieldpay/payments/create-strategy";
import { disputedShare } from "@fieldpay/payments/disputes";
import type { ConnectPaymentStrategy } from "@fieldpay/payments/strategy";
import type { WorkerDeps } from "../deps.ts";

type Deps = Pick<WorkerDeps, "db" | "secretBox" | "stripeApiBase" | "stripeLimiters" | "now">;

export async function settleDisputeShare(
  deps: Deps,
  input: { tenantId: string; disputeId: string },
): Promise<string> {
  const dispute = await findDispute(deps.db, input.tenantId, input.disputeId);
  if (!dispute) return "nothing to do: no such dispute";
  if (dispute.liability !== "fieldworker") return "nothing to do: the business carries this dispute";
  const payment = await deps.db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", dispute.payment_id)
    .executeTakeFirstOrThrow();
  const destination = payment.fieldworker_account_id;
  if (payment.charge_type !== "destination" || destination === null) {
    return "nothing to do: only a destination charge has a transfer to take the share from";
  }
  const settings = await findPaymentSettings(deps.db, input.tenantId);
  if (settings?.mode !== "connect") return "nothing to do: the business no longer uses Connect";
  const strategy = strategyForSavedSettings({
    mode: settings.mode,
    secretKey: deps.secretBox.open(settings.secret_key_sealed, settings.tenant_id, "stripe_secret_key"),
    apiBase: deps.stripeApiBase,
    connectAccountType: settings.connect_account_type,
    // The queue retries a failed job under the same keys; the SDK's own retries would pass the limiter by.
    maxNetworkRetries: 0,
  });
  if (strategy.mode !== "connect") return "nothing to do: the business no longer uses Connect";
  const limiter = deps.stripeLimiters.forBusiness(settings.tenant_id, settings.key_mode);
  const won = WON_DISPUTE.includes(dispute.status);
  if (dispute.share_reversal_id === null) {
    if (won) return "nothing to do: the dispute was won before any share was taken back";
    await limiter.acquire();
    return reverse(deps, strategy, dispute, payment);
  }
  if (!won || dispute.share_resent_transfer_id !== null)
    return "nothing to do: the share is where it belongs";
  await limiter.acquire();
  const sent = await strategy.resendDisputedShare({
    tenantId: input.tenantId,
    disputeId: dispute.id,
    bookingId: dispute.booking_id,
    destination,
    amount: { amount: dispute.share_reversed ?? 0, currency: dispute.currency },
  });
  if (!sent.ok) throw new Error(`sending the share of dispute ${dispute.id} again: ${sent.error.message}`);
  await recordShareResent(deps.db, { ...input, transferId: sent.transferId, at: deps.now() });
  return `sent ${dispute.share_reversed} to ${destination} again: the dispute was won`;
}

async function reverse(
  deps: Deps,
  strategy: ConnectPaymentStrategy,
  dispute: DisputeRow,
  payment: PaymentRow,
): Promise<string> {
  const refunds = await deps.db
    .selectFrom("refunds")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("amount"),
      eb.fn.coalesce(eb.fn.sum<number>("fieldworker_amount"), eb.lit(0)).as("fieldworker"),
    ])
    .where("tenant_id", "=", dispute.tenant_id)
    .where("payment_id", "=", payment.id)
    .where("status", "=", "succeeded")
    .executeTakeFirstOrThrow();
  const charged = chargedAmount(payment);
  const net = payment.fieldworker_net_amount ?? charged - (payment.application_fee_amount ?? 0);
  const amount = disputedShare({
    fieldworkerShare: net - Number(refunds.fieldworker),
    charged: charged - Number(refunds.amount),
    disputed: dispute.amount,
  });
  if (amount <= 0) return "nothing to do: the fieldworker has no share of this charge left";
  const transfer = await deps.db
    .selectFrom("transfers")
    .select("id")
    .where("tenant_id", "=", dispute.tenant_id)
    .where("source_charge", "=", dispute.charge_id)
    .executeTakeFirst();
  const result = await strategy.reverseDisputedShare({
    tenantId: dispute.tenant_id,
    disputeId: dispute.id,
    chargeId: dispute.charge_id,
    transferId: transfer?.id ?? null,
    amount: { amount, currency: dispute.currency },
  });
  if (!result.ok) throw new Error(`taking back the share of dispute ${dispute.id}: ${result.error.message}`);
  await recordShareReversed(deps.db, {
    tenantId: dispute.tenant_id,
    disputeId: dispute.id,
    amount,
    reversalId: result.reversal.id,
    at: deps.now(),
  });
  return `took ${amount} back from transfer ${result.reversal.transferId}`;
}
