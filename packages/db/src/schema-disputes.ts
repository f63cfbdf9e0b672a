// The disputes table (migration 2026-12-02T1000): one row per Stripe dispute on one of our payments.
import type { ColumnType } from "kysely";

type Changing<T> = ColumnType<T, T | undefined, T>;
type Stamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Who gives back a lost dispute's money on a destination charge (payment_settings.dispute_liability). */
export type DisputeLiability = "business" | "fieldworker";

export interface DisputesTable {
  /** Stripe's dispute id (du_… / dp_…). */
  id: string;
  tenant_id: string;
  booking_id: string;
  payment_id: string;
  charge_id: string;
  /** Stripe's reason (fraudulent, product_not_received, …). */
  reason: string;
  amount: number;
  currency: string;
  /** Stripe's status: warning_needs_response, needs_response, under_review, won, lost, … */
  status: string;
  evidence_due_by: Stamp;
  /** What Stripe charged for the dispute (its balance transactions' fees). */
  stripe_fee: Changing<number>;
  funds_withdrawn: Changing<number>;
  funds_withdrawn_at: Stamp;
  funds_reinstated: Changing<number>;
  funds_reinstated_at: Stamp;
  evidence_saved_at: Stamp;
  evidence_submitted_at: Stamp;
  /** The connected account the charge lives on (a Standard account's direct charge): its account handles it. */
  on_account: string | null;
  /** The booking's status when the dispute opened: where it goes back to if the dispute is won. */
  booking_status_before: string;
  /** The business's setting when the dispute opened. */
  liability: DisputeLiability;
  /** The fieldworker's share taken back (transfer reversal), and when it was sent again after a win. */
  share_reversed: ColumnType<number | null, number | null | undefined, number | null>;
  share_reversal_id: ColumnType<string | null, string | null | undefined, string | null>;
  share_reversed_at: Stamp;
  share_resent_transfer_id: ColumnType<string | null, string | null | undefined, string | null>;
  share_resent_at: Stamp;
  stripe_created_at: ColumnType<Date, Date | string, Date | string>;
  /** The `created` of the newest event applied: an older event never overwrites it. */
  stripe_event_at: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Changing<Date>;
}

export interface DisputeTables {
  disputes: DisputesTable;
}
