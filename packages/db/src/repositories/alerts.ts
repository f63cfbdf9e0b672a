// Alerts from the payout delay checks. One open alert per stable key: a check that finds the condition again
// refreshes it (keeping when it started), a check that no longer finds it resolves it.
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
          oc.columns(["tenant_id", "key"]).where("resolved_at", "is", null).doUpdateSet(fresh),
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

/** Open alerts (worst first) and the most recently resolved ones. */
export async function listAlerts(db: Db, tenantId: string, resolvedLimit = 50) {
  const severityRank = sql<number>`case severity when 'critical' then 0 when 'warning' then 1 else 2 end`;
  const open = await db
    .selectFrom("alerts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("resolved_at", "is", null)
    .orderBy(severityRank)
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
  return { open, resolved };
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
