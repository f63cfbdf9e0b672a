import { describe, expect, it } from "vitest";
import { checkOpenDisputes } from "./dispute-health.ts";
import { disputeReasonWords } from "./dispute-reasons.ts";
import { disputedShare } from "./disputes.ts";
import { textPdf } from "./evidence-pdf.ts";

const NOW = new Date("2026-12-10T12:00:00Z");
const waiting = (hours: number, onFieldworkerAccount = false) => ({
  amount: 9_000,
  currency: "usd",
  reason: "fraudulent",
  dueBy: new Date(NOW.getTime() + hours * 3_600_000),
  customerName: "Casey",
  onFieldworkerAccount,
});

describe("checkOpenDisputes", () => {
  it("passes with none waiting, warns while deadlines are far, fails within 72 hours, with the fix", () => {
    expect(checkOpenDisputes({ disputes: [], now: NOW }).status).toBe("pass");
    expect(checkOpenDisputes({ disputes: [waiting(100)], now: NOW }).status).toBe("warn");
    const near = checkOpenDisputes({ disputes: [waiting(100), waiting(71)], now: NOW });
    expect(near.status).toBe("fail");
    expect(near.explanation).toContain("Casey's bank disputes a payment of $90.00 (fraudulent)");
    expect(near.fix).toMatch(/^Open Disputes in fieldpay/);
    expect(checkOpenDisputes({ disputes: [waiting(10, true)], now: NOW }).fix).toMatch(/fieldworker/);
  });
});

describe("disputedShare", () => {
  it("is the fieldworker's share in the disputed proportion, rounded half-up, never beyond the charge", () => {
    expect(disputedShare({ fieldworkerShare: 9_000, charged: 10_000, disputed: 5_000 })).toBe(4_500);
    expect(disputedShare({ fieldworkerShare: 8_970, charged: 10_000, disputed: 10_000 })).toBe(8_970);
    expect(disputedShare({ fieldworkerShare: 100, charged: 3, disputed: 1 })).toBe(33);
    expect(disputedShare({ fieldworkerShare: 101, charged: 2, disputed: 1 })).toBe(51);
    expect(disputedShare({ fieldworkerShare: 9_000, charged: 10_000, disputed: 20_000 })).toBe(9_000);
    expect(disputedShare({ fieldworkerShare: 0, charged: 10_000, disputed: 10_000 })).toBe(0);
  });
});

describe("dispute words and documents", () => {
  it("every reason has a meaning and evidence; unknown reasons fall back to general", () => {
    expect(disputeReasonWords("product_not_received").meaning).toMatch(/never done/);
    expect(disputeReasonWords("something_new")).toMatchObject({ label: "something new" });
    expect(disputeReasonWords("something_new").evidence.length).toBeGreaterThan(0);
  });

  it("writes the same PDF for the same lines, with an xref Stripe's PDF reader can follow", () => {
    const pdf = Buffer.from(textPdf("Receipt (paid)", ["Deep clean: $120.00", "x".repeat(300)]));
    expect(Buffer.from(textPdf("Receipt (paid)", ["Deep clean: $120.00", "x".repeat(300)]))).toEqual(pdf);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text).toContain("(Receipt \\(paid\\)) Tj");
    const xref = Number(text.match(/startxref\n(\d+)/)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    const firstObject = Number(text.match(/xref\n0 \d+\n0000000000 65535 f \n(\d{10})/)?.[1]);
    expect(text.slice(firstObject, firstObject + 7)).toBe("1 0 obj");
  });
});
