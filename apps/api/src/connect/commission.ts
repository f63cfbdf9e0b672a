// The business's commission on a booking: which rule applies, and the split it makes, shown before charging.
import type { Db } from "@fieldpay/db/client";
import { findBooking } from "@fieldpay/db/repositories/bookings";
import { findFieldworkerAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { findUser } from "@fieldpay/db/repositories/users";
import { type FeeRule, splitCharge } from "@fieldpay/payments/fees";
import type { Money } from "@fieldpay/payments/money";
import { DomainError, notFound } from "../errors.ts";

export type CommissionSource = "booking" | "fieldworker" | "business";

/** A FeeRule for splitCharge, saying which level it came from (shown to admins beside the split). */
export interface ResolvedCommission extends FeeRule {
  readonly source: CommissionSource;
}

/** A level's override: both null means "no override here". */
interface CommissionOverride {
  commission_bps: number | null;
  commission_fixed: number | null;
}

export interface CommissionLevels {
  /** The business default (payment_settings): its fixed part is in the settings' currency. */
  settings: { commission_bps: number; commission_fixed: number; currency: string };
  fieldworker?: CommissionOverride | null | undefined;
  /** The booking's own override: its fixed part is in the booking's currency. */
  booking?: (CommissionOverride & { currency: string }) | null | undefined;
}

const overrides = (level: CommissionOverride | null | undefined): level is CommissionOverride =>
  level != null && (level.commission_bps !== null || level.commission_fixed !== null);

function rule(bps: number | null, fixed: number | null, currency: string, source: CommissionSource) {
  return {
    basisPoints: bps ?? 0,
    ...(fixed !== null && fixed > 0 && { fixed: { amount: fixed, currency } }),
    source,
  } satisfies ResolvedCommission;
}

/**
 * The most specific level that says anything wins as a whole: booking, then fieldworker, then business. An
 * override of "15%" means 15% and no fixed part, not 15% plus the business's fixed part, because that is what
 * the admin sees written on that level.
 */
export function resolveCommission(levels: CommissionLevels): ResolvedCommission {
  const { settings, fieldworker, booking } = levels;
  if (overrides(booking)) {
    return rule(booking.commission_bps, booking.commission_fixed, booking.currency, "booking");
  }
  if (overrides(fieldworker)) {
    return rule(fieldworker.commission_bps, fieldworker.commission_fixed, settings.currency, "fieldworker");
  }
  return rule(settings.commission_bps, settings.commission_fixed, settings.currency, "business");
}

export interface SplitPreview {
  charge: Money;
  applicationFee: Money;
  fieldworkerNet: Money;
  basisPoints: number;
  fixed: Money | null;
  source: CommissionSource;
  capped: boolean;
}

/** The split a charge would make with a resolved rule; a rule that cannot apply is said in plain words. */
export function splitWith(charge: Money, commission: ResolvedCommission): SplitPreview {
  const split = splitCharge({ charge, rule: commission });
  if (!split.ok) {
    throw new DomainError(
      "invalid_input",
      split.error.message,
      "Check the commission under Settings > Financial Settings > Payment integration, or the fieldworker's override.",
    );
  }
  return {
    charge,
    applicationFee: split.applicationFee,
    fieldworkerNet: split.fieldworkerNet,
    basisPoints: commission.basisPoints,
    fixed: commission.fixed ?? null,
    source: commission.source,
    capped: split.capped,
  };
}

/**
 * The split for an amount, a fieldworker, and optionally a booking (whose own override then counts). Everything
 * is read within the tenant, so another business's fieldworker or booking is simply "not found".
 */
export async function previewSplit(
  db: Db,
  tenantId: string,
  input: { charge: Money; fieldworkerId?: string | undefined; bookingId?: string | undefined },
): Promise<SplitPreview> {
  const settings = await findPaymentSettings(db, tenantId);
  if (!settings) {
    throw new DomainError(
      "conflict",
      "Payments are not set up for this business yet.",
      "Set them up under Settings > Financial Settings > Payment integration.",
    );
  }
  const booking = input.bookingId ? await findBooking(db, tenantId, input.bookingId) : undefined;
  if (input.bookingId && !booking) throw notFound("The booking");
  const fieldworkerId = input.fieldworkerId ?? booking?.fieldworker_id ?? undefined;
  if (fieldworkerId) {
    const user = await findUser(db, tenantId, fieldworkerId);
    if (user?.role !== "fieldworker") throw notFound("The fieldworker");
  }
  const fieldworker = fieldworkerId ? await findFieldworkerAccount(db, tenantId, fieldworkerId) : undefined;
  return splitWith(input.charge, resolveCommission({ settings, fieldworker, booking }));
}
