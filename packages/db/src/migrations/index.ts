import type { Migration } from "kysely/migration";
import * as tenants from "./2026-11-26T2300_tenants.ts";
import * as accounts from "./2026-11-26T2310_accounts.ts";
import * as paymentSettings from "./2026-11-26T2320_payment-settings.ts";
import * as paymentsDomain from "./2026-11-26T2340_payments-domain.ts";
import * as bookingPortal from "./2026-11-27T0015_booking-portal.ts";
import * as payoutCheckRuns from "./2026-11-27T0047_payout-check-runs.ts";
import * as webhookEventsPerBusiness from "./2026-11-27T0048_webhook-events-per-business.ts";
import * as webhookEventsQueue from "./2026-11-27T0240_webhook-events-queue.ts";
import * as alertDismissal from "./2026-11-27T0330_alert-dismissal.ts";
import * as passwordResets from "./2026-11-27T0600_password-resets.ts";
import * as supersededAttempts from "./2026-12-02T0600_superseded-attempts.ts";
import * as paymentPlans from "./2026-12-02T0800_payment-plans.ts";
import * as disputes from "./2026-12-02T1000_disputes.ts";
import * as emailOutbox from "./2026-12-02T1010_email-outbox.ts";
import * as receiptCard from "./2026-12-02T1400_receipt-card.ts";
import * as refundReason from "./2026-12-02T1500_refund-reason.ts";

// Frozen: append new migrations, never edit a shipped one. Names sort in the order they run.
export const migrations: Record<string, Migration> = {
  "2026-11-26T2300_tenants": tenants,
  "2026-11-26T2310_accounts": accounts,
  "2026-11-26T2320_payment-settings": paymentSettings,
  "2026-11-26T2340_payments-domain": paymentsDomain,
  "2026-11-27T0015_booking-portal": bookingPortal,
  "2026-11-27T0047_payout-check-runs": payoutCheckRuns,
  "2026-11-27T0048_webhook-events-per-business": webhookEventsPerBusiness,
  "2026-11-27T0240_webhook-events-queue": webhookEventsQueue,
  "2026-11-27T0330_alert-dismissal": alertDismissal,
  "2026-11-27T0600_password-resets": passwordResets,
  "2026-12-02T0600_superseded-attempts": supersededAttempts,
  "2026-12-02T0800_payment-plans": paymentPlans,
  "2026-12-02T1000_disputes": disputes,
  "2026-12-02T1010_email-outbox": emailOutbox,
  "2026-12-02T1400_receipt-card": receiptCard,
  "2026-12-02T1500_refund-reason": refundReason,
};
