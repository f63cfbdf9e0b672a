// Alerts from the payout delay checks. One open alert per stable key: a check that finds the condition again
// refreshes it (keeping when it started, and an admin's dismissal unless it got more severe), a check that no
// longer finds it resolves it.
import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { AlertSeverity, AlertsTable, PayoutCheckRunsTable } from "../schema.ts";

export type AlertRow = Selectable<AlertsTable>;
export type PayoutCheckRunRow = Selectable<PayoutCheckRunsTable>;

export interface AlertInput {
  key: string;
  kind: string;
  severity: AlertSeverity;
  accountId: string | null;
  fieldworkerId: string | null;
  payoutId: string | null;
  title: string;
  explanation: string;
  fix: string;
  since: Date;
}

export interface SyncAlertsInput {
  tenantId: string;
  /** Every finding of this check. */
  findings: readonly AlertInput[];
  /** The alert kinds this check owns; others (from other checks) are left alone. */
  kinds: readonly string[];
  /** Accounts looked at successfully: their open alerts not found again have cleared. */
  checkedAccounts: readonly string[];
  /** Accounts still watched: open alerts of any other account are resolved (no longer ours to watch). */
  watchedAccounts: readonly string[];
}

const rank = (severity: ReturnType<typeof sql.ref>) =>
  sql<number>`case ${severity} when 'critical' then 0 when 'warning' then 1 else 2 end`;

export async function syncAlerts(db: Db, input: SyncAlertsInput): Promise<{ resolved: number }> {
  return db.transaction().execute(async (trx) => {
    for (const f of input.findings) {
      const fresh = {
        severity: f.severity,
        kind: f.kind,
        account_id: f.accountId,
        fieldworker_id: f.fieldworkerId,
        payout_id: f.payoutId,
        title: f.title,
        explanation: f.explanation,
        fix: f.fix,
        last_seen_at: sql<Date>`now()`,
      };
      await trx
        .insertInto("alerts")
        .values({ tenant_id: input.tenantId, key: f.key, since: f.since, ...fresh })
        .onConflict((oc) =>
          oc
            .columns(["tenant_id", "key"])
            .where("resolved_at", "is", null)
            .doUpdateSet({
              ...fresh,
              // A dismissed alert stays dismissed while it is the same; worse, it is shown again.
              dismissed_at: sql`case when ${rank(sql.ref("excluded.severity"))} < ${rank(sql.ref("alerts.severity"))}
                then null else alerts.dismissed_at end`,
            }),
        )
        .execute();
    }
    const keys = input.findings.map((f) => f.key);
    const result = await trx
      .updateTable("alerts")
      .set({ resolved_at: sql`now()` })
      .where("tenant_id", "=", input.tenantId)
      .where("resolved_at", "is", null)
      .where("kind", "in", [...input.kinds])
      .where((eb) => (keys.length > 0 ? eb("key", "not in", keys) : eb.lit(true)))
      .where((eb) =>
        eb.or([
          input.checkedAccounts.length > 0
            ? eb("account_id", "in", [...input.checkedAccounts])
            : eb.lit(false),
          input.watchedAccounts.length > 0
            ? eb("account_id", "not in", [...input.watchedAccounts])
            : eb.lit(true),
        ]),
      )
      .executeTakeFirst();
    return { resolved: Number(result.numUpdatedRows) };
  });
}

/** Open alerts (worst first), the open ones an admin dismissed, and the most recently resolved ones. */
export async function listAlerts(db: Db, tenantId: string, resolvedLimit = 50) {
  const unresolved = await db
    .selectFrom("alerts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("resolved_at", "is", null)
    .orderBy(rank(sql.ref("severity")))
    .orderBy("since")
    .execute();
  const resolved = await db
    .selectFrom("alerts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("resolved_at", "is not", null)
    .orderBy("resolved_at", "desc")
    .limit(resolvedLimit)
    .execute();
  return {
    open: unresolved.filter((a) => a.dismissed_at === null),
    dismissed: unresolved.filter((a) => a.dismissed_at !== null),
    resolved,
  };
}

/**
 * Dismisses an open alert of this business (or shows it again): false when there is no such open alert, so
 * another business's alert, or one already resolved, changes nothing.
 */
export async function setAlertDismissed(
  db: Db,
  input: { tenantId: string; alertId: string; dismissed: boolean; by: string },
): Promise<boolean> {
  const result = await db
    .updateTable("alerts")
    .set(
      input.dismissed
        ? { dismissed_at: sql<Date>`now()`, dismissed_by: input.by }
        : { dismissed_at: null, dismissed_by: null },
    )
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.alertId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordPayoutCheckRun(
  db: Db,
  run: Omit<Insertable<PayoutCheckRunsTable>, "id" | "finished_at">,
): Promise<PayoutCheckRunRow> {
  return db.insertInto("payout_check_runs").values(run).returningAll().executeTakeFirstOrThrow();
}

export async function latestPayoutCheckRun(db: Db, tenantId: string): Promise<PayoutCheckRunRow | undefined> {
  return db
    .selectFrom("payout_check_runs")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("finished_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
