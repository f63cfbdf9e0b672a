// Payouts of the business's account and of its fieldworkers' connected accounts, mirrored from Stripe's payout
// events. An older event never overwrites what a newer one said (payout.paid before a late payout.updated).
import type { Db } from "../client.ts";

export interface PayoutSnapshot {
  tenantId: string;
  id: string;
  accountId: string;
  fieldworkerId: string | null;
  amount: number;
  currency: string;
  status: string;
  arrivalDate: Date | null;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: Date;
  eventAt: Date;
}

/** Inserts or updates the payout unless a newer event already did; returns whether it applied. */
export async function applyPayoutSnapshot(db: Db, p: PayoutSnapshot): Promise<boolean> {
  const changes = {
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    arrival_date: p.arrivalDate,
    failure_code: p.failureCode,
    failure_message: p.failureMessage,
    stripe_event_at: p.eventAt,
    updated_at: new Date(),
  };
  const row = await db
    .insertInto("payouts")
    .values({
      id: p.id,
      tenant_id: p.tenantId,
      account_id: p.accountId,
      fieldworker_id: p.fieldworkerId,
      stripe_created_at: p.createdAt,
      ...changes,
    })
    .onConflict((oc) =>
      oc
        .column("id")
        .doUpdateSet(changes)
        .where("payouts.tenant_id", "=", p.tenantId)
        .where((eb) =>
          eb.or([eb("payouts.stripe_event_at", "is", null), eb("payouts.stripe_event_at", "<=", p.eventAt)]),
        ),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Every fieldworker's connected-account row with the fieldworker's name, for payout checks and health reports. */
export async function listFieldworkerAccounts(db: Db, tenantId: string) {
  return db
    .selectFrom("fieldworker_accounts as fa")
    .innerJoin("users as u", "u.id", "fa.user_id")
    .select([
      "fa.user_id",
      "u.name",
      "fa.stripe_account_id",
      "fa.status",
      "fa.charges_enabled",
      "fa.payouts_enabled",
      "fa.details_submitted",
      "fa.requirements",
      "fa.capabilities",
      "fa.updated_at",
    ])
    .where("fa.tenant_id", "=", tenantId)
    .orderBy("u.name")
    .execute();
}
