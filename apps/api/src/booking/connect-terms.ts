// What a Connect charge needs for a booking: the fieldworker's connected account and the business's commission
// (the Connect side's rules: apps/api/src/connect).
import type { Db } from "@fieldpay/db/client";
import type { Booking } from "@fieldpay/db/repositories/bookings";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { FeeRule } from "@fieldpay/payments/fees";
import type { ConnectAccountType } from "@fieldpay/payments/strategy";
import { resolveCommission } from "../connect/commission.ts";
import { assertCanReceivePayments } from "../connect/payable.ts";
import { DomainError } from "../errors.ts";

export interface ConnectTerms {
  accountId: string;
  accountType: ConnectAccountType;
  fee: FeeRule;
}

/**
 * The Connect part of a booking payment. When the fieldworker cannot be paid, the customer is told so (and the
 * admin gets an alert) before anything is sent to Stripe.
 */
export async function connectTerms(
  db: Db,
  settings: Pick<
    PaymentSettingsRow,
    "connect_account_type" | "commission_bps" | "commission_fixed" | "currency"
  >,
  booking: Booking,
): Promise<ConnectTerms> {
  if (booking.fieldworker_id === null) {
    throw new DomainError(
      "conflict",
      "No fieldworker is assigned to this booking yet, so it cannot be paid.",
      "The business assigns one shortly; come back to this booking to pay.",
    );
  }
  const payable = await assertCanReceivePayments(db, booking.tenant_id, booking.fieldworker_id);
  if (!payable.ok) throw new DomainError("conflict", payable.customerMessage, payable.customerFix);
  const { source: _source, ...fee } = resolveCommission({
    settings,
    fieldworker: payable.account.row,
    booking,
  });
  return {
    accountId: payable.account.stripeAccountId,
    accountType: payable.account.accountType ?? settings.connect_account_type,
    fee,
  };
}

/** The commission as a booking keeps it once the customer commits (bookings.agreed_fee_*); null outside Connect. */
export function agreedFeeOf(terms: ConnectTerms | undefined): { bps: number; fixed: number } | null {
  return terms ? { bps: terms.fee.basisPoints, fixed: terms.fee.fixed?.amount ?? 0 } : null;
}
