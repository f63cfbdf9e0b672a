// A booking's ledger: the view ledger_lines (migrations 2026-12-02T0800, T1000) over every succeeded charge and
// refund and each dispute's money, each with what the business and the fieldworker received or gave back. Pages, receipts and earnings read it;
// nothing else keeps money totals. Scoped by tenant_id throughout.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { LedgerKind, LedgerLinesView } from "../schema.ts";

export type LedgerLine = Selectable<LedgerLinesView>;

export const LEDGER_KINDS = [
  "charge",
  "refund",
  "dispute_withdrawn",
  "dispute_reinstated",
  "dispute_share_reversed",
  "dispute_share_resent",
] as const satisfies readonly LedgerKind[];

/** Every line of these bookings, oldest first (a charge before its refunds). */
export async function listLedgerLines(db: Db, tenantId: string, bookingIds: string[]): Promise<LedgerLine[]> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom("ledger_lines")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "in", bookingIds)
    .orderBy("booking_id")
    .orderBy("occurred_at")
    .orderBy("kind")
    .execute();
}

export interface LedgerTotals {
  /** What the charges took. */
  charged: number;
  /** What went back, as a positive amount. */
  refunded: number;
  /** What disputes took and kept (withdrawn less reinstated), as a positive amount. */
  disputed: number;
  /** charged − refunded − disputed, and its split: business + fieldworker = net, exactly. */
  net: number;
  business: number;
  fieldworker: number;
}

/** The sums of some lines (one currency: a booking's lines always share its currency). */
export function ledgerTotals(
  lines: readonly Pick<LedgerLine, "kind" | "amount" | "business_amount" | "fieldworker_amount">[],
): LedgerTotals {
  const totals = { charged: 0, refunded: 0, disputed: 0, net: 0, business: 0, fieldworker: 0 };
  for (const line of lines) {
    if (line.kind === "charge") totals.charged += line.amount;
    else if (line.kind === "refund") totals.refunded -= line.amount;
    else totals.disputed -= line.amount;
    totals.net += line.amount;
    totals.business += line.business_amount;
    totals.fieldworker += line.fieldworker_amount;
  }
  return totals;
}

/** What a booking's charges took so far (before refunds), for the after-job charge. */
export async function chargedSoFar(
  db: Db,
  tenantId: string,
  bookingId: string,
): Promise<{ charged: number; fees: number }> {
  const row = await db
    .selectFrom("ledger_lines")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("charged"),
      eb.fn.coalesce(eb.fn.sum<number>("business_amount"), eb.lit(0)).as("fees"),
    ])
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId)
    .where("kind", "=", "charge")
    .executeTakeFirstOrThrow();
  return { charged: Number(row.charged), fees: Number(row.fees) };
}
