import type { Db } from "../client.ts";
import type { NewPaymentSettings, PaymentSettingsRow } from "../schema.ts";

export async function findPaymentSettings(db: Db, tenantId: string): Promise<PaymentSettingsRow | undefined> {
  return db.selectFrom("payment_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();
}

/** Writes the whole settings row for a tenant (insert or replace). */
export async function savePaymentSettings(db: Db, row: NewPaymentSettings): Promise<PaymentSettingsRow> {
  const { tenant_id, ...rest } = row;
  return db
    .insertInto("payment_settings")
    .values(row)
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ ...rest, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Who carries a lost dispute on destination charges from now on (disputes already open keep theirs). */
export async function setDisputeLiability(
  db: Db,
  tenantId: string,
  liability: PaymentSettingsRow["dispute_liability"],
): Promise<boolean> {
  const result = await db
    .updateTable("payment_settings")
    .set({ dispute_liability: liability, updated_at: new Date() })
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
