import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_STATUSES,
  AccountStatusPill,
  BOOKING_STATUSES,
  CHECK_STATUSES,
  CheckStatusPill,
  DISPUTE_STATUSES,
  INVITATION_STATUSES,
  PAYMENT_STATUSES,
  PAYOUT_STATUSES,
  REFUND_STATUSES,
  Status,
  type StatusKind,
  StatusPill,
  statusWords,
} from "./status-pill.tsx";

const EVERY: readonly [StatusKind, readonly string[]][] = [
  ["booking", BOOKING_STATUSES],
  ["payment", PAYMENT_STATUSES],
  ["refund", REFUND_STATUSES],
  ["payout", PAYOUT_STATUSES],
  ["dispute", DISPUTE_STATUSES],
  ["account", ACCOUNT_STATUSES],
  ["invitation", INVITATION_STATUSES],
  ["check", CHECK_STATUSES],
];

describe("StatusPill", () => {
  it("renders its text with the tone's class", () => {
    const html = renderToStaticMarkup(<StatusPill tone="bad">Restricted</StatusPill>);
    expect(html).toBe('<span class="pill pill-bad">Restricted</span>');
  });
});

describe("the status vocabulary", () => {
  it.each(EVERY)("gives every %s status plain words, never the code", (kind, statuses) => {
    for (const status of statuses) {
      const { label } = statusWords(kind, status);
      expect(label, `${kind} ${status}`).not.toBe("Being updated");
      expect(label, `${kind} ${status}`).not.toMatch(/_|^[a-z]/);
    }
  });

  it("shows a code Stripe adds later as neutral words, not the code", () => {
    expect(statusWords("payment", "requires_new_thing")).toEqual({ label: "Being updated", tone: "neutral" });
    expect(statusWords("booking", "toString")).toEqual({ label: "Being updated", tone: "neutral" });
  });

  it.each([
    ["payment", "succeeded", "Paid", "pill-good"],
    ["payment", "requires_payment_method", "Waiting for a card", "pill-warn"],
    ["booking", "balance_due", "Balance due", "pill-bad"],
    ["payout", "in_transit", "On its way to the bank", "pill-neutral"],
    ["refund", "pending", "On its way back", "pill-neutral"],
    ["dispute", "needs_response", "Needs your response", "pill-bad"],
  ] as const)("shows %s %s as %s in %s", (kind, status, words, toneClass) => {
    const html = renderToStaticMarkup(<Status kind={kind} status={status} />);
    expect(html).toBe(`<span class="pill ${toneClass}">${words}</span>`);
  });
});

describe("AccountStatusPill", () => {
  it.each([
    ["not_connected", "Not connected", "pill-neutral"],
    ["onboarding_incomplete", "Onboarding incomplete", "pill-warn"],
    ["pending_verification", "Pending verification", "pill-neutral"],
    ["restricted", "Restricted", "pill-bad"],
    ["active", "Active", "pill-good"],
    ["deauthorized", "Disconnected", "pill-bad"],
  ] as const)("shows %s as %s in %s", (status, words, toneClass) => {
    const html = renderToStaticMarkup(<AccountStatusPill status={status} />);
    expect(html).toBe(`<span class="pill ${toneClass}">${words}</span>`);
  });
});

describe("CheckStatusPill", () => {
  it.each([
    ["pass", "Passed", "pill-good"],
    ["warn", "Warning", "pill-warn"],
    ["fail", "Failed", "pill-bad"],
  ] as const)("shows %s as %s in %s", (status, words, toneClass) => {
    const html = renderToStaticMarkup(<CheckStatusPill status={status} />);
    expect(html).toBe(`<span class="pill ${toneClass}">${words}</span>`);
  });
});
