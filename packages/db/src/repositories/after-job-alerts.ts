// Alerts that follow a booking's money rather than an account: a card hold about to lapse before the job is done,
// and a balance the customer still has to pay. Raised and resolved by the worker's 15-minute pass.
import { sql } from "kysely";
import type { Db } from "../client.ts";

export const HOLD_EXPIRING_KIND = "authorization_expiring";
export const holdExpiringKey = (bookingId: string) => `${HOLD_EXPIRING_KIND}:${bookingId}`;

export interface ExpiringHold {
  tenant_id: string;
  booking_id: string;
  expires_at: Date;
  starts_at: Date;
  amount: number;
  currency: string;
  service_name: string;
  customer_name: string;
}

/** Bookings still holding a card authorization, not done, whose hold lapses before `before` (every business). */
export async function listExpiringHolds(db: Db, before: Date): Promise<ExpiringHold[]> {
  return db
    .selectFrom("bookings")
    .innerJoin("services", "services.id", "bookings.service_id")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .select([
      "bookings.tenant_id",
      "bookings.id as booking_id",
      "bookings.authorization_expires_at as expires_at",
      "bookings.starts_at",
      "bookings.amount",
      "bookings.currency",
      "services.name as service_name",
      "users.name as customer_name",
    ])
    .where("bookings.status", "=", "authorized")
    .where("bookings.done_at", "is", null)
    .where("bookings.authorization_lapsed_at", "is", null)
    .where("bookings.authorization_expires_at", "<", before)
    .orderBy("bookings.authorization_expires_at")
    .$narrowType<{ expires_at: Date }>()
    .execute();
}

/** Raises (or refreshes) the alerts of these holds and resolves every other open one: those bookings moved on. */
export async function syncHoldAlerts(
  db: Db,
  alerts: readonly { tenantId: string; bookingId: string; title: string; explanation: string; fix: string }[],
): Promise<{ resolved: number }> {
  return db.transaction().execute(async (trx) => {
    for (const alert of alerts) {
      const words = { title: alert.title, explanation: alert.explanation, fix: alert.fix };
      await trx
        .insertInto("alerts")
        .values({
          tenant_id: alert.tenantId,
          key: holdExpiringKey(alert.bookingId),
          kind: HOLD_EXPIRING_KIND,
          severity: "warning",
          account_id: null,
          fieldworker_id: null,
          payout_id: null,
          ...words,
          since: new Date(),
        })
        .onConflict((oc) =>
          oc
            .columns(["tenant_id", "key"])
            .where("resolved_at", "is", null)
            .doUpdateSet({ ...words, last_seen_at: sql<Date>`now()` }),
        )
        .execute();
    }
    const keys = alerts.map((a) => `${a.tenantId}/${holdExpiringKey(a.bookingId)}`);
    const result = await trx
      .updateTable("alerts")
      .set({ resolved_at: sql<Date>`now()` })
      .where("kind", "=", HOLD_EXPIRING_KIND)
      .where("resolved_at", "is", null)
      .where((eb) =>
        keys.length > 0 ? eb(sql<string>`tenant_id::text || '/' || key`, "not in", keys) : eb.lit(true),
      )
      .executeTakeFirst();
    return { resolved: Number(result.numUpdatedRows) };
  });
}

/** Balance-due alerts of bookings that are no longer waiting for the customer (they paid, or were refunded). */
export async function resolveSettledBalanceDue(db: Db): Promise<number> {
  const result = await db
    .updateTable("alerts")
    .set({ resolved_at: sql<Date>`now()` })
    .where("kind", "=", "balance_due")
    .where("resolved_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("bookings")
            .select("bookings.id")
            .whereRef("bookings.tenant_id", "=", "alerts.tenant_id")
            .where(sql<boolean>`'balance_due:' || bookings.id::text = alerts.key`)
            .where("bookings.status", "=", "balance_due"),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
