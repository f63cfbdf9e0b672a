// A duplicate payment (duplicate-payments.ts in packages/db) is refunded in full: the business's commission and the
// fieldworker's share come back too. The refund's id is derived from the payment, so a retried job, a second
// worker or a worker killed mid-call repeats the same refund under the same idempotency key: refunded once.

import { markDuplicateRefunded } from "@fieldpay/db/repositories/duplicate-payments";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { chargedAmount, chargeOf } from "@fieldpay/db/repositories/payments";
import { openRefund, settleRefund } from "@fieldpay/db/repositories/refunds";
import { strategyForSavedSettings } from "@fieldpay/payments/create-strategy";
import { refundSplit } from "@fieldpay/payments/ledger";
import type { RefundInput } from "@fieldpay/payments/strategy";
import type { WorkerDeps } from "../deps.ts";
import { derivedRefundId } from "../refunds/refund-parts.ts";

/** A UUID made from the payment id: the one refund a duplicate ever gets. */
export const duplicateRefundId = (paymentId: string): string =>
  derivedRefundId("duplicate-refund", paymentId);

export async function refundDuplicatePayment(
  deps: Pick<WorkerDeps, "db" | "secretBox" | "stripeApiBase">,
  input: { tenantId: string; paymentId: string },
): Promise<string> {
  const { tenantId, paymentId } = input;
  const payment = await deps.db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", paymentId)
    .executeTakeFirst();
  if (!payment?.duplicate_at || !payment.payment_intent_id) return "nothing to refund: not a duplicate";
  const settings = await findPaymentSettings(deps.db, tenantId);
  if (!settings) return "nothing to refund: the business has no Stripe settings";
  const choices = {
    amount: chargedAmount(payment),
    refundApplicationFee: payment.charge_type !== "direct",
    reverseTransfer: payment.charge_type === "destination",
  };
  const opened = await openRefund(deps.db, {
    id: duplicateRefundId(paymentId),
    tenantId,
    paymentId,
    currency: payment.currency,
    ...choices,
    split: refundSplit(chargeOf(payment), choices),
    createdBy: null,
    reason: "duplicate",
  });
  if (!opened.ok) return `nothing to refund: ${opened.reason}`;
  if (opened.refund.stripe_refund_id !== null && opened.refund.status !== "failed") return "refunded already";
  const secretKey = deps.secretBox.open(settings.secret_key_sealed, tenantId, "stripe_secret_key");
  const strategy = strategyForSavedSettings({
    mode: settings.mode,
    secretKey,
    apiBase: deps.stripeApiBase,
    connectAccountType: settings.connect_account_type,
  });
  const accountId = payment.on_account ?? payment.fieldworker_account_id;
  const connect: RefundInput["connect"] =
    payment.charge_type === "direct" || accountId === null
      ? undefined
      : {
          accountId,
          accountType: payment.charge_type === "direct_on_connected_account" ? "standard" : "express",
          refundApplicationFee: true,
          reverseTransfer: payment.charge_type === "destination",
        };
  const result = await strategy.refund({
    tenantId,
    bookingId: payment.booking_id,
    refundId: opened.refund.id,
    paymentIntentId: payment.payment_intent_id,
    charged: { amount: choices.amount, currency: payment.currency },
    reason: "duplicate",
    ...(connect && { connect }),
  });
  // A refusal is thrown, so graphile retries the job with backoff: the same refund id, the same key.
  if (!result.ok) throw new Error(`refund of duplicate payment ${paymentId}: ${result.error.message}`);
  await settleRefund(deps.db, {
    tenantId,
    refundId: opened.refund.id,
    stripeRefundId: result.refund.stripeRefundId,
    status: result.refund.status ?? "pending",
  });
  await markDuplicateRefunded(deps.db, tenantId, paymentId);
  return `refunded duplicate payment ${paymentId} in full`;
}
