// Admin refunds from a booking, full or partial. In Connect mode the admin decides explicitly whether the
// business's commission (refund_application_fee) and the fieldworker's share (reverse_transfer) come back.
import { findBooking } from "@fieldpay/db/repositories/bookings";
import { chargedAmount, chargeOf, listPayments, type PaymentRow } from "@fieldpay/db/repositories/payments";
import { openRefund, settleRefund } from "@fieldpay/db/repositories/refunds";
import { refundSplit } from "@fieldpay/payments/ledger";
import { parseMoney } from "@fieldpay/payments/money";
import { formatMoney } from "@fieldpay/payments/money/format";
import type { RefundInput } from "@fieldpay/payments/strategy";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { Auth } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { type PaymentDeps, requireStrategy } from "./tenant-payments.ts";

export interface RefundRequest {
  bookingId: string;
  /** Which of the booking's charges; left out, the newest that has anything left to refund. */
  paymentId?: string | undefined;
  /** Made once per refund form: a resubmitted form refunds once. */
  requestId: string;
  /** As typed; left out or empty refunds everything not yet refunded. */
  amount?: string | undefined;
  refundApplicationFee?: boolean | undefined;
  reverseTransfer?: boolean | undefined;
  /** Stripe's reason, sent as `reason` (the customer's bank may see it). */
  reason?: RefundInput["reason"] | undefined;
}

const amountProblem = (message: string) => new DomainError("invalid_input", message, undefined, "amount");

function refundAmount(payment: PaymentRow, typed: string | undefined): number {
  const remaining = chargedAmount(payment) - payment.amount_refunded;
  if (remaining <= 0) {
    throw new DomainError(
      "conflict",
      "This payment has already been refunded in full.",
      "See its refunds on the booking's page.",
    );
  }
  if (typed === undefined || typed.trim() === "") return remaining;
  const parsed = parseMoney({ value: typed, currency: payment.currency });
  if (!parsed.ok) throw amountProblem(`Refund amount: ${parsed.error.message}`);
  if (parsed.money.amount <= 0) throw amountProblem("Refund amount: enter more than zero.");
  if (parsed.money.amount > remaining) {
    throw amountProblem(
      `Refund amount: at most ${formatMoney(remaining, payment.currency, "en-US")} of this payment is left to refund.`,
    );
  }
  return parsed.money.amount;
}

/** Every succeeded charge can be refunded; by default the newest with something left, else the newest. */
function chargeToRefund(payments: PaymentRow[], paymentId: string | undefined): PaymentRow | undefined {
  const charges = payments.filter((p) => p.status === "succeeded").reverse();
  if (paymentId !== undefined) return charges.find((p) => p.id === paymentId);
  return charges.find((p) => p.amount_refunded < chargedAmount(p)) ?? charges[0];
}

function connectChoice(
  payment: PaymentRow,
  request: Omit<RefundRequest, "requestId">,
): RefundInput["connect"] {
  if (payment.charge_type === "direct") return undefined;
  const accountId = payment.on_account ?? payment.fieldworker_account_id;
  if (request.refundApplicationFee === undefined || request.reverseTransfer === undefined || !accountId) {
    throw new DomainError(
      "invalid_input",
      "Say whether your commission is refunded and whether the fieldworker's share is pulled back.",
      "Tick or untick both choices on the refund form, then refund.",
    );
  }
  return {
    accountId,
    accountType: payment.charge_type === "direct_on_connected_account" ? "standard" : "express",
    refundApplicationFee: request.refundApplicationFee,
    reverseTransfer: payment.charge_type === "destination" && request.reverseTransfer,
  };
}

/** The charge, amount and Connect choices a refund request means, checked before anything is written or sent. */
async function plannedRefund(
  deps: Pick<PaymentDeps, "db">,
  auth: Auth,
  request: Omit<RefundRequest, "requestId">,
) {
  const tenantId = auth.tenant.id;
  const booking = await findBooking(deps.db, tenantId, request.bookingId);
  if (!booking) throw notFound("This booking");
  const payment = chargeToRefund(await listPayments(deps.db, tenantId, [booking.id]), request.paymentId);
  if (!payment?.payment_intent_id) {
    throw new DomainError("conflict", "This booking has no successful payment to refund.");
  }
  const connect = connectChoice(payment, request);
  const amount = refundAmount(payment, request.amount);
  return { booking, payment, paymentIntentId: payment.payment_intent_id, connect, amount };
}

/**
 * What a refund would give back before it is sent: the amount, and what the business and the fieldworker each
 * return (the same split the refund records), for the refund dialog's confirmation.
 */
export async function previewRefund(
  deps: Pick<PaymentDeps, "db">,
  auth: Auth,
  request: Omit<RefundRequest, "requestId">,
) {
  const { payment, connect, amount } = await plannedRefund(deps, auth, request);
  const split = refundSplit(chargeOf(payment), {
    amount,
    refundApplicationFee: connect?.refundApplicationFee ?? false,
    reverseTransfer: connect?.reverseTransfer ?? false,
  })(payment.amount_refunded);
  // refundSplit negates balance moves, and -0 would read "-$0.00".
  const money = (value: number) => ({ amount: value === 0 ? 0 : value, currency: payment.currency });
  return {
    amount: money(amount),
    business: money(split.businessAmount),
    fieldworker: payment.charge_type === "direct" ? null : money(split.fieldworkerAmount),
    left: money(chargedAmount(payment) - payment.amount_refunded),
  };
}

export async function refundBooking(deps: PaymentDeps, auth: Auth, request: RefundRequest) {
  const tenantId = auth.tenant.id;
  const { booking, payment, paymentIntentId, connect, amount } = await plannedRefund(deps, auth, request);
  const opened = await openRefund(deps.db, {
    id: request.requestId,
    tenantId,
    paymentId: payment.id,
    amount,
    currency: payment.currency,
    refundApplicationFee: connect?.refundApplicationFee ?? false,
    reverseTransfer: connect?.reverseTransfer ?? false,
    split: refundSplit(chargeOf(payment), {
      amount,
      refundApplicationFee: connect?.refundApplicationFee ?? false,
      reverseTransfer: connect?.reverseTransfer ?? false,
    }),
    createdBy: auth.user.id,
    reason: request.reason ?? null,
  });
  if (!opened.ok) {
    if (opened.reason === "id_taken") throw new DomainError("conflict", "Reload the page and refund again.");
    const left = formatMoney(opened.refundable, payment.currency, "en-US");
    throw new DomainError("invalid_input", `You can refund at most ${left} more on this booking.`);
  }
  const { refund } = opened;
  const result = await (await requireStrategy(deps, tenantId)).strategy.refund({
    tenantId,
    bookingId: booking.id,
    refundId: refund.id,
    paymentIntentId,
    charged: { amount: chargedAmount(payment), currency: payment.currency },
    amount: { amount: refund.amount, currency: refund.currency },
    ...(refund.reason && { reason: refund.reason }),
    ...(connect && { connect }),
  });
  if (!result.ok) {
    await settleRefund(deps.db, { tenantId, refundId: refund.id, stripeRefundId: null, status: "failed" });
    throw fromPaymentError(result.error);
  }
  const status = result.refund.status ?? "pending";
  await settleRefund(deps.db, {
    tenantId,
    refundId: refund.id,
    stripeRefundId: result.refund.stripeRefundId,
    status,
  });
  return { refundId: refund.id, status, amount: { amount: refund.amount, currency: refund.currency } };
}
