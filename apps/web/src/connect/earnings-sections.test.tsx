// The earnings pages (the fieldworker's own and the admin's fieldworker page share these sections) show payout
// and payment statuses in the one vocabulary, never Stripe's codes or a code with its underscore taken out.
import { statusWords } from "@fieldpay/ui/status-pill";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PaymentSections, PayoutSections } from "./earnings-sections.tsx";
import type { Earnings } from "./types.ts";

const usd = (amount: number) => ({ amount, currency: "usd" });
const payout = (id: string, status: string, upcoming: boolean) => ({
  id,
  amount: usd(4_500),
  status,
  upcoming,
  expectedArrival: "2026-12-04T00:00:00Z",
  failure: null,
  late: null,
  createdAt: "2026-12-01T10:00:00Z",
});

const earnings: Earnings = {
  payments: [
    {
      id: "pay_1",
      bookingId: "b1",
      service: "Standard home clean",
      startsAt: "2026-12-01T09:00:00Z",
      status: "succeeded",
      chargeType: "destination",
      amount: usd(9_000),
      applicationFee: usd(900),
      fieldworkerNet: usd(8_100),
      refunded: usd(0),
      createdAt: "2026-12-01T09:00:00Z",
    },
  ],
  fees: [],
  transfers: [],
  payouts: [
    payout("po_pending", "pending", true),
    payout("po_transit", "in_transit", true),
    payout("po_paid", "paid", false),
    payout("po_failed", "failed", false),
  ],
  totals: [],
  alerts: [],
};

/** The page's text without its markup. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the earnings sections", () => {
  for (const audience of ["fieldworker", "admin"] as const) {
    it(`show every payout's status in words (${audience})`, () => {
      const shown = text(renderToStaticMarkup(<PayoutSections earnings={earnings} audience={audience} />));
      for (const status of ["pending", "in_transit", "paid", "failed"]) {
        expect(shown).toContain(statusWords("payout", status).label);
      }
      expect(shown).toContain("On its way to the bank");
      expect(shown).toContain("In the bank");
      expect(shown).not.toMatch(/in_transit|\bin transit\b|\bpaid\b|\bpending\b|\bfailed\b/);
    });
  }

  it("show a payment's status in words, not Stripe's 'succeeded'", () => {
    const shown = text(renderToStaticMarkup(<PaymentSections earnings={earnings} audience="fieldworker" />));
    expect(shown).toContain("Paid");
    expect(shown).not.toMatch(/succeeded/i);
    expect(shown).toContain("1 Dec 2026");
  });
});
