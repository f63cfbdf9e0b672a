import type Stripe from "stripe";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { checkPayoutSchedule } from "./payout-schedule.ts";
import { analysePayouts, formatAmount, type PayoutAnalysisInput, type PayoutFinding } from "./payouts.ts";
import { createStripeClient } from "./stripe-client.ts";

const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });
// 2026-11-27 is a Friday.
const now = new Date("2026-11-27T12:00:00Z");
const unix = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000;

let mockAccount: Stripe.Account;
let mockPayout: Stripe.Payout;
let mockTxns: Stripe.BalanceTransaction[];
beforeAll(async () => {
  mockAccount = await stripe.accounts.retrieve("acct_123");
  mockPayout = await stripe.payouts.retrieve("po_123");
  mockTxns = (await stripe.balanceTransactions.list()).data;
});

type Schedule = Stripe.Account.Settings.Payouts.Schedule;

function requirements(overrides: Partial<Stripe.Account.Requirements> = {}): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
    ...overrides,
  };
}

/** A healthy account (stripe-mock's, with payouts on and nothing due) on the given schedule. */
function healthy(schedule: Schedule = { interval: "daily", delay_days: 2 }): PayoutAnalysisInput["account"] {
  const settings = mockAccount.settings;
  if (!settings) throw new Error("stripe-mock's account has settings");
  return {
    id: "acct_worker1",
    payouts_enabled: true,
    requirements: requirements(),
    settings: {
      ...settings,
      payouts: { debit_negative_balances: true, statement_descriptor: null, schedule },
    },
  };
}

const payout = (overrides: Partial<Stripe.Payout>): Stripe.Payout => ({ ...mockPayout, ...overrides });
function txn(overrides: Partial<Stripe.BalanceTransaction>): Stripe.BalanceTransaction {
  const [fixture] = mockTxns;
  if (!fixture) throw new Error("stripe-mock lists one balance transaction");
  return { ...fixture, ...overrides };
}

function analyse(input: Partial<PayoutAnalysisInput>): PayoutFinding[] {
  return analysePayouts({ account: healthy(), payouts: [], now, ...input });
}

describe("stripe-mock's account and payout", () => {
  it("are a paused account and a payout years late, with the guide's advice", () => {
    const findings = analyse({ account: mockAccount, payouts: [mockPayout] });
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ["paused", "critical"],
      ["late", "critical"],
    ]);
    const [paused, late] = findings;
    expect(paused).toMatchObject({ key: "account:acct_123:payouts_paused", title: "Payouts are paused" });
    expect(paused?.explanation).toContain("Bank account for payouts");
    expect(paused?.fix).toContain("fully set up, verified, and not restricted");
    expect(late).toMatchObject({
      key: "payout:acct_123:po_123:late",
      payoutId: "po_123",
      accountId: "acct_123",
    });
    expect(late?.since).toBe(new Date(mockPayout.arrival_date * 1000).toISOString());
    expect(late?.explanation).toContain("$11.00");
    expect(late?.fix).toContain("Check the payout schedules in your Stripe dashboard");
    expect(late?.fix).toContain("no holds or issues with the fieldworker's bank");
  });
});

describe("late payouts", () => {
  it("are late from the business day after the arrival date, critical from the third", () => {
    const onTime = payout({ arrival_date: unix("2026-11-27"), status: "in_transit" });
    expect(analyse({ payouts: [onTime] })).toEqual([]);
    const oneDay = analyse({ payouts: [payout({ arrival_date: unix("2026-11-26") })] });
    expect(oneDay).toMatchObject([{ kind: "late", severity: "warning" }]);
    expect(oneDay[0]?.explanation).toContain("1 business day late");
    const fourDays = analyse({ payouts: [payout({ arrival_date: unix("2026-11-23") })] });
    expect(fourDays).toMatchObject([{ kind: "late", severity: "critical" }]);
  });

  it("do not count the weekend", () => {
    const fridayArrival = payout({ arrival_date: unix("2026-11-20") });
    expect(analyse({ payouts: [fridayArrival], now: new Date("2026-11-22T20:00:00Z") })).toEqual([]);
    expect(analyse({ payouts: [fridayArrival], now: new Date("2026-11-23T09:00:00Z") })).toHaveLength(1);
  });

  it("keep their key while they grow critical, and vanish once paid", () => {
    const late = payout({ id: "po_late", arrival_date: unix("2026-11-25") });
    const first = analyse({ payouts: [late], now: new Date("2026-11-26T12:00:00Z") });
    const later = analyse({ payouts: [late], now: new Date("2026-12-02T12:00:00Z") });
    expect(first[0]?.severity).toBe("warning");
    expect(later[0]?.severity).toBe("critical");
    expect(later[0]?.key).toBe(first[0]?.key);
    expect(analyse({ payouts: [{ ...late, status: "paid" }] })).toEqual([]);
    expect(analyse({ payouts: [{ ...late, status: "canceled" }] })).toEqual([]);
  });

  it("say whether the payout left Stripe and give the bank's trace ID", () => {
    const pending = payout({ status: "pending", arrival_date: unix("2026-11-25") });
    expect(analyse({ payouts: [pending] })[0]?.explanation).toContain("has not been sent yet");
    const traced = payout({
      arrival_date: unix("2026-11-25"),
      trace_id: { status: "supported", value: "TR123" },
    });
    expect(analyse({ payouts: [traced] })[0]?.fix).toContain("trace ID TR123");
  });
});

describe("failed payouts", () => {
  it.each([
    ["account_closed", /has been closed/, /Add a working bank account/],
    ["no_account", /No account with these details/, /Add a working bank account/],
    ["invalid_account_number", /not valid/, /Add a working bank account/],
    ["insufficient_funds", /did not hold enough/, /Wait for new payments/],
    ["bank_account_restricted", /does not accept this kind/, /Add a working bank account/],
    ["debit_not_authorized", /does not allow Stripe to debit/, /Ask the bank/],
    ["could_not_process", /could not process/, /Ask the bank/],
    ["declined", /declined the payout/, /Ask the bank/],
  ])("%s is explained with what to do", (code, why, fix) => {
    const failed = payout({ id: "po_f", status: "failed", failure_code: code, amount: 2500 });
    const [finding] = analyse({ payouts: [failed] });
    expect(finding).toMatchObject({
      kind: "failed",
      severity: "critical",
      key: "payout:acct_worker1:po_f:failed",
    });
    expect(finding?.explanation).toMatch(why);
    expect(finding?.explanation).toContain("$25.00");
    expect(finding?.fix).toMatch(fix);
  });

  it("falls back to Stripe's message for a code it does not know", () => {
    const failed = payout({ status: "failed", failure_code: "brand_new", failure_message: "Bank says no." });
    expect(analyse({ payouts: [failed] })[0]?.explanation).toContain(
      "The bank returned the payout: Bank says no.",
    );
  });

  it("clears once a later payout has been paid", () => {
    const failed = payout({
      id: "po_f",
      status: "failed",
      failure_code: "account_closed",
      created: unix("2026-11-10"),
    });
    const paidLater = payout({ id: "po_ok", status: "paid", created: unix("2026-11-20") });
    const paidBefore = payout({ id: "po_old", status: "paid", created: unix("2026-11-01") });
    expect(analyse({ payouts: [failed, paidLater] })).toEqual([]);
    expect(analyse({ payouts: [failed, paidBefore] })).toHaveLength(1);
  });
});

describe("paused payouts", () => {
  it("warn while payouts still run but something is overdue", () => {
    const account = { ...healthy(), requirements: requirements({ past_due: ["individual.dob.day"] }) };
    const [finding] = analyse({ account });
    expect(finding).toMatchObject({
      kind: "paused",
      severity: "warning",
      title: "Payouts are about to pause",
    });
    expect(finding?.fix).toContain("provide: your date of birth");
  });

  it("start at a past deadline when Stripe gives one", () => {
    const account = {
      ...healthy(),
      payouts_enabled: false,
      requirements: requirements({
        currently_due: ["external_account"],
        current_deadline: unix("2026-11-20"),
      }),
    };
    expect(analyse({ account })[0]?.since).toBe("2026-11-20T00:00:00.000Z");
  });
});

describe("held balance", () => {
  it("flags stripe-mock's available funds from 2009 that a daily schedule should have paid out", () => {
    const findings = analyse({
      balance: { available: [{ amount: 100, currency: "usd" }] },
      balanceTransactions: mockTxns,
    });
    expect(findings).toMatchObject([
      { kind: "held_balance", key: "account:acct_worker1:held:available:usd" },
    ]);
    expect(findings[0]?.explanation).toContain("$1.00 has been available since 13 Feb 2009");
    expect(
      analyse({ balance: { available: [{ amount: 0, currency: "usd" }] }, balanceTransactions: mockTxns }),
    ).toEqual([]);
  });

  it("waits for the schedule's payout day plus one business day", () => {
    const since = (day: string, amount = 100) => [
      txn({ available_on: unix(day), net: amount, status: "available" }),
    ];
    const balance = { available: [{ amount: 100, currency: "usd" }] };
    expect(analyse({ balance, balanceTransactions: since("2026-11-26") })).toEqual([]);
    expect(analyse({ balance, balanceTransactions: since("2026-11-24") })).toHaveLength(1);
    const weekly = healthy({ interval: "weekly", delay_days: 2, weekly_anchor: "friday" });
    expect(analyse({ account: weekly, balance, balanceTransactions: since("2026-11-23") })).toEqual([]);
  });

  it("dates the remaining balance by its newest payments", () => {
    const txns = [
      txn({ id: "txn_new", available_on: unix("2026-11-26"), net: 100, status: "available" }),
      txn({ id: "txn_old", available_on: unix("2026-11-10"), net: 200, status: "available" }),
    ];
    expect(
      analyse({ balance: { available: [{ amount: 100, currency: "usd" }] }, balanceTransactions: txns }),
    ).toEqual([]);
    const both = analyse({
      balance: { available: [{ amount: 300, currency: "usd" }] },
      balanceTransactions: txns,
    });
    expect(both[0]?.since).toBe("2026-11-10T00:00:00.000Z");
  });

  it("on a manual schedule says someone has to send the payout", () => {
    const manual = healthy({ interval: "manual", delay_days: 2 });
    const balanceTransactions = [txn({ available_on: unix("2026-11-25"), net: 100, status: "available" })];
    const [finding] = analyse({
      account: manual,
      balance: { available: [{ amount: 100, currency: "usd" }] },
      balanceTransactions,
    });
    expect(finding?.explanation).toContain("Payouts are set to manual");
    expect(finding?.fix).toContain("Pay out");
  });

  it("flags payments still pending well after the schedule's delay, per currency", () => {
    const pending = { status: "pending", available_on: unix("2026-11-20") } as const;
    const balanceTransactions = [
      txn({ ...pending, id: "t1", created: unix("2026-11-16"), net: 1000, currency: "usd" }),
      txn({ ...pending, id: "t2", created: unix("2026-11-17"), net: 500, currency: "usd" }),
      txn({ ...pending, id: "t3", created: unix("2026-11-26"), net: 700, currency: "usd" }),
      txn({ ...pending, id: "t4", created: unix("2026-11-16"), net: 5000, currency: "jpy" }),
    ];
    const findings = analyse({ balanceTransactions });
    expect(findings.map((f) => [f.key, f.severity])).toEqual([
      ["account:acct_worker1:held:pending:usd", "warning"],
      ["account:acct_worker1:held:pending:jpy", "warning"],
    ]);
    expect(findings[0]?.explanation).toContain("$15.00 from payments is still pending");
    expect(findings[0]?.explanation).toContain("release date, 20 Nov 2026, has passed");
    expect(findings[0]?.since).toBe("2026-11-18T00:00:00.000Z");
    expect(findings[1]?.explanation).toContain("¥5,000");
  });

  it("only informs while Stripe's release date for held payments is still ahead", () => {
    const reserve = txn({
      status: "pending",
      created: unix("2026-11-02"),
      available_on: unix("2026-12-10"),
      net: 900,
    });
    const [finding] = analyse({ balanceTransactions: [reserve] });
    expect(finding).toMatchObject({ kind: "held_balance", severity: "info" });
    expect(finding?.explanation).toContain("Stripe will release it on 10 Dec 2026");
  });
});

describe("checkPayoutSchedule", () => {
  it("passes stripe-mock's daily schedule and explains it", () => {
    expect(checkPayoutSchedule(mockAccount)).toMatchObject({
      status: "pass",
      explanation: "Payouts are automatic, daily. Money is paid out 2 days after each payment.",
    });
  });

  it("warns about manual payouts, long delays and a missing schedule", () => {
    const manual = checkPayoutSchedule(healthy({ interval: "manual", delay_days: 2 }));
    expect(manual.status).toBe("warn");
    expect(manual.fix).toContain("Settings > Payouts");
    expect(checkPayoutSchedule(healthy({ interval: "daily", delay_days: 14 })).status).toBe("warn");
    expect(checkPayoutSchedule({ settings: null }).status).toBe("warn");
    const weekly = checkPayoutSchedule(
      healthy({ interval: "weekly", delay_days: 7, weekly_anchor: "friday" }),
    );
    expect(weekly).toMatchObject({ status: "pass", explanation: expect.stringContaining("weekly (Friday)") });
  });
});

describe("formatAmount", () => {
  it("knows each currency's minor unit", () => {
    expect(formatAmount(1234, "usd")).toBe("$12.34");
    expect(formatAmount(500, "jpy")).toBe("¥500");
    // Two decimals in Stripe's API although Intl shows krónur whole: 1,234 krónur, not 123,400.
    expect(formatAmount(123400, "isk")).toBe("ISK\u00a01,234");
    expect(formatAmount(5, "not-a-currency")).toBe("5 NOT-A-CURRENCY (minor units)");
  });
});
