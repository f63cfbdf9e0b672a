// The one shape disputes leave the api in (admins only): the reason in plain words with what evidence helps, the
// deadline, the status in words, the money moved, who answers it, the Stripe Dashboard page, and the evidence
// fieldpay fills in from the booking.
import type { Db } from "@fieldpay/db/client";
import {
  type DisputeListRow,
  listDisputes,
  NEEDS_RESPONSE,
  OPEN_DISPUTE,
} from "@fieldpay/db/repositories/disputes";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { stripeDashboardUrl } from "@fieldpay/payments/dashboard-links";
import { disputeReasonWords, disputeStatusWords } from "@fieldpay/payments/dispute-reasons";
import { type BookingView, bookingViews } from "../booking/booking-view.ts";
import { notFound } from "../errors.ts";
import { evidencePrefill } from "./evidence-documents.ts";

const money = (amount: number, currency: string) => ({ amount, currency });

export const FIELDWORKER_ACCOUNT_HANDLES =
  "This payment was taken on the fieldworker's own Stripe account (Standard), so their account handles the dispute: they answer it from their Stripe Dashboard, and the money comes out of their balance.";

/** The dispute's page in the Stripe Dashboard: test or live, inside the connected account where it lives. */
export function dashboardUrl(id: string, keyMode: "test" | "live", onAccount: string | null): string {
  return (
    stripeDashboardUrl({ id, mode: keyMode, onAccount }) ??
    `https://dashboard.stripe.com/${keyMode === "test" ? "test/" : ""}disputes`
  );
}

function disputeView(
  d: DisputeListRow,
  keyMode: "test" | "live",
  booking: BookingView | undefined,
  businessName: string,
) {
  // Submitted evidence waits for the bank, even before Stripe's event saying so (under_review) arrives.
  const submitted = d.evidence_submitted_at !== null;
  const needsResponse = NEEDS_RESPONSE.includes(d.status) && !submitted;
  const onFieldworkerAccount = d.on_account !== null;
  return {
    id: d.id,
    bookingId: d.booking_id,
    serviceName: d.service_name,
    customerName: d.customer_name,
    startsAt: new Date(d.starts_at),
    amount: money(d.amount, d.currency),
    status: d.status,
    statusWords:
      submitted && NEEDS_RESPONSE.includes(d.status)
        ? disputeStatusWords("under_review")
        : disputeStatusWords(d.status),
    open: OPEN_DISPUTE.includes(d.status),
    needsResponse,
    reason: { code: d.reason, ...disputeReasonWords(d.reason) },
    dueBy: d.evidence_due_by === null ? null : new Date(d.evidence_due_by),
    openedAt: new Date(d.stripe_created_at),
    stripeFee: money(d.stripe_fee, d.currency),
    withdrawn: money(d.funds_withdrawn, d.currency),
    reinstated: money(d.funds_reinstated, d.currency),
    evidenceSavedAt: d.evidence_saved_at === null ? null : new Date(d.evidence_saved_at),
    evidenceSubmittedAt: d.evidence_submitted_at === null ? null : new Date(d.evidence_submitted_at),
    handledBy: onFieldworkerAccount ? FIELDWORKER_ACCOUNT_HANDLES : null,
    canRespond: needsResponse && !onFieldworkerAccount,
    dashboardUrl: dashboardUrl(d.id, keyMode, d.on_account),
    liability: d.liability,
    shareReversed: d.share_reversed === null ? null : money(d.share_reversed, d.currency),
    shareResent: d.share_resent_at !== null,
    prefill: booking ? evidencePrefill(d, booking, businessName) : null,
  };
}

export type DisputeView = ReturnType<typeof disputeView>;

export async function disputeViews(
  db: Db,
  tenant: { id: string; name: string },
  filter: { bookingId?: string; disputeId?: string } = {},
): Promise<DisputeView[]> {
  const rows = await listDisputes(db, tenant.id, filter);
  if (rows.length === 0) return [];
  const settings = await findPaymentSettings(db, tenant.id);
  const keyMode = settings?.key_mode ?? "test";
  const bookingIds = [...new Set(rows.map((d) => d.booking_id))];
  const bookings =
    bookingIds.length === 1
      ? await bookingViews(db, tenant.id, { bookingId: bookingIds[0] }, "admin")
      : await bookingViews(db, tenant.id, {}, "admin");
  const byId = new Map(bookings.map((b) => [b.id, b]));
  return rows.map((d) => disputeView(d, keyMode, byId.get(d.booking_id), tenant.name));
}

export async function findDisputeView(db: Db, tenant: { id: string; name: string }, disputeId: string) {
  const [view] = await disputeViews(db, tenant, { disputeId });
  if (!view) throw notFound("This dispute");
  return view;
}
