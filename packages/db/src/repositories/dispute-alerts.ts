// The admin's alert for each dispute that needs an answer: raised when the dispute opens (worker, in the event's
// transaction), made critical once its evidence deadline is near (the 15-minute pass), resolved once evidence is
// submitted or the dispute is closed. The words come from the caller (the worker), one per dispute.
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { AlertSeverity } from "../schema.ts";
import { NEEDS_RESPONSE } from "./disputes.ts";

export const DISPUTE_ALERT_KIND = "dispute_open";
export const disputeAlertKey = (disputeId: string) => `${DISPUTE_ALERT_KIND}:${disputeId}`;

/** Disputes waiting for the business's evidence (none submitted yet), soonest deadline first. */
export async function listDisputesAwaitingEvidence(db: Db, tenantId: string | null) {
  let query = db
    .selectFrom("disputes")
    .innerJoin("bookings", "bookings.id", "disputes.booking_id")
    .innerJoin("services", "services.id", "bookings.service_id")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .select([
      "disputes.tenant_id",
      "disputes.id",
      "disputes.booking_id",
      "disputes.reason",
      "disputes.amount",
      "disputes.currency",
      "disputes.evidence_due_by",
      "disputes.on_account",
      "disputes.stripe_created_at",
      "services.name as service_name",
      "users.name as customer_name",
    ])
    .where("disputes.status", "in", NEEDS_RESPONSE)
    .where("disputes.evidence_submitted_at", "is", null);
  if (tenantId !== null) query = query.where("disputes.tenant_id", "=", tenantId);
  return query.orderBy("disputes.evidence_due_by").execute();
}

export type DisputeAwaitingEvidence = Awaited<ReturnType<typeof listDisputesAwaitingEvidence>>[number];

export interface DisputeAlert {
  tenantId: string;
  disputeId: string;
  severity: AlertSeverity;
  title: string;
  explanation: string;
  fix: string;
  since: Date;
}

/**
 * Raises or refreshes these alerts (a more severe one shows again if it was dismissed) and resolves every other
 * open dispute alert, of one business or of all of them.
 */
export async function syncDisputeAlerts(
  db: Db,
  scope: { tenantId: string | null },
  alerts: readonly DisputeAlert[],
): Promise<{ resolved: number }> {
  for (const a of alerts) {
    const fresh = { severity: a.severity, title: a.title, explanation: a.explanation, fix: a.fix };
    await db
      .insertInto("alerts")
      .values({
        tenant_id: a.tenantId,
        key: disputeAlertKey(a.disputeId),
        kind: DISPUTE_ALERT_KIND,
        account_id: null,
        fieldworker_id: null,
        payout_id: null,
        since: a.since,
        ...fresh,
      })
      .onConflict((oc) =>
        oc
          .columns(["tenant_id", "key"])
          .where("resolved_at", "is", null)
          .doUpdateSet({
            ...fresh,
            last_seen_at: sql<Date>`now()`,
            dismissed_at: sql`case when excluded.severity = 'critical' and alerts.severity <> 'critical'
              then null else alerts.dismissed_at end`,
          }),
      )
      .execute();
  }
  const keep = alerts.map((a) => `${a.tenantId}/${disputeAlertKey(a.disputeId)}`);
  let stale = db
    .updateTable("alerts")
    .set({ resolved_at: sql<Date>`now()` })
    .where("kind", "=", DISPUTE_ALERT_KIND)
    .where("resolved_at", "is", null)
    .where((eb) =>
      keep.length > 0 ? eb(sql<string>`tenant_id::text || '/' || key`, "not in", keep) : eb.lit(true),
    );
  if (scope.tenantId !== null) stale = stale.where("tenant_id", "=", scope.tenantId);
  const result = await stale.executeTakeFirst();
  return { resolved: Number(result.numUpdatedRows) };
}

/** The dispute was answered: its alert is resolved at once (the worker's next pass would find it answered too). */
export async function resolveDisputeAlert(db: Db, tenantId: string, disputeId: string): Promise<void> {
  await db
    .updateTable("alerts")
    .set({ resolved_at: sql<Date>`now()` })
    .where("tenant_id", "=", tenantId)
    .where("key", "=", disputeAlertKey(disputeId))
    .where("resolved_at", "is", null)
    .execute();
}
