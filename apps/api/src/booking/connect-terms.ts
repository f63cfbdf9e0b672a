// What a Connect charge needs for a booking: the fieldworker's connected account and the business's commission.
import type { Db } from "@fieldpay/db/client";
import type { Booking } from "@fieldpay/db/repositories/bookings";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { FeeRule } from "@fieldpay/payments/fees";
import type { ConnectAccountType } from "@fieldpay/payments/strategy";
import { DomainError } from "../errors.ts";

export interface ConnectTerms {
  accountId: string;
  accountType: ConnectAccountType;
  fee: FeeRule;
}

// Stand-in until apps/api/src/connect/payable.ts and commission.ts (the Connect helper's) land.
async function payableAccount(db: Db, tenantId: string, fieldworkerId: string) {
  const account = await db
    .selectFrom("fieldworker_accounts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", fieldworkerId)
    .executeTakeFirst();
  if (!account?.stripe_account_id || !account.charges_enabled) return null;
  return { ...account, stripe_account_id: account.stripe_account_id };
}

/** The Connect part of a booking payment; refuses, with the reason, when the fieldworker cannot be paid. */
export async function connectTerms(
  db: Db,
  settings: PaymentSettingsRow,
  booking: Booking,
): Promise<ConnectTerms> {
  if (booking.fieldworker_id === null) {
    throw new DomainError(
      "conflict",
      "No fieldworker is assigned to this booking yet, so it cannot be paid.",
      "The business assigns one shortly; come back to this booking to pay.",
    );
  }
  const account = await payableAccount(db, booking.tenant_id, booking.fieldworker_id);
  if (!account) {
    throw new DomainError(
      "conflict",
      "The fieldworker for this booking cannot receive payments yet.",
      "Nothing was charged. The business has been told; try again later or contact them.",
    );
  }
  const currency = booking.currency;
  const bps = booking.commission_bps ?? account.commission_bps ?? settings.commission_bps;
  const fixed = booking.commission_fixed ?? account.commission_fixed ?? settings.commission_fixed;
  return {
    accountId: account.stripe_account_id,
    accountType: account.account_type ?? settings.connect_account_type,
    fee: { basisPoints: bps, ...(fixed > 0 && { fixed: { amount: fixed, currency } }) },
  };
}
