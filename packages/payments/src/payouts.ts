import type Stripe from "stripe";
import {
  addBusinessDays,
  countBusinessDays,
  describeSchedule,
  nextScheduledPayoutDay,
  type PayoutScheduleLike,
} from "./business-days.ts";
import { businessDaysLateWords, dayWords } from "./day-words.ts";
import { formatMoney } from "./money/format.ts";
import { describeDisabledReason, describeRequirements, whatToProvide } from "./requirements.ts";

export type PayoutFindingKind = "late" | "failed" | "paused" | "held_balance";
export type Severity = "info" | "warning" | "critical";

export interface PayoutFinding {
  /** Stable while the condition lasts (a late payout keeps its key as it grows critical): alerts are stored by
   * it, and an alert whose key is no longer found has cleared. */
  key: string;
  kind: PayoutFindingKind;
  severity: Severity;
  payoutId?: string;
  accountId: string;
  /** When the condition started as far as Stripe tells; `now` when it does not, so keep the first one seen. */
  since: string;
  title: string;
  explanation: string;
  fix: string;
  /** The payout's amount, for a finding about one payout (the fieldworker's "payout late" email states it). */
  money?: { amount: number; currency: string };
}

export interface PayoutAnalysisInput {
  account: Pick<Stripe.Account, "id" | "payouts_enabled" | "requirements" | "settings">;
  payouts: readonly Stripe.Payout[];
  /** Balance and recent balance transactions of the same account; without them held funds are not looked at. */
  balance?: Pick<Stripe.Balance, "available"> | null;
  balanceTransactions?: readonly Stripe.BalanceTransaction[];
  now: Date;
}

const GUIDE_FIX =
  "Check the payout schedules in your Stripe dashboard and ensure there are no holds or issues with the fieldworker's bank.";
const NEW_BANK =
  "Add a working bank account in Stripe (payout settings in the Stripe dashboard, or the Stripe setup link in " +
  "fieldpay for fieldworkers); Stripe sends the returned money again once it is there.";
const ASK_BANK = `Ask the bank why it refused the payment, or add a different bank account. ${NEW_BANK}`;

const FAILURES: Readonly<Record<string, readonly [explanation: string, fix?: string]>> = {
  account_closed: ["The bank account has been closed."],
  account_frozen: ["The bank has frozen the account.", ASK_BANK],
  bank_account_restricted: ["The bank account does not accept this kind of payment (some savings accounts)."],
  bank_ownership_changed: ["The bank account has moved to another bank (after a merger or transfer)."],
  could_not_process: ["The bank could not process the payout.", ASK_BANK],
  debit_not_authorized: ["The bank does not allow Stripe to debit this account.", ASK_BANK],
  declined: ["The bank declined the payout.", ASK_BANK],
  incorrect_account_holder_address: ["The account holder's address does not match the bank's records."],
  incorrect_account_holder_name: ["The account holder's name does not match the bank's records."],
  incorrect_account_holder_tax_id: ["The account holder's tax ID does not match the bank's records."],
  incorrect_account_type: ["The bank account type is wrong (for example savings instead of checking)."],
  insufficient_funds: [
    "The Stripe balance did not hold enough for the payout (refunds or disputes can make it negative).",
    "Wait for new payments to cover the balance, or add funds in the Stripe dashboard (Balance); the next payout tries again.",
  ],
  invalid_account_number: ["The account number or routing number is not valid."],
  invalid_account_number_length: ["The account number has the wrong number of digits."],
  invalid_currency: ["The bank account cannot receive this currency."],
  no_account: ["No account with these details exists at the bank."],
  unsupported_card: ["This debit card cannot receive payouts."],
};

const isoDay = dayWords;
const fromUnix = (seconds: number) => new Date(seconds * 1000);

/** Stripe's amount in words for an alert; a currency Intl does not know is still shown, as minor units. */
export function formatAmount(amount: number, currency: string): string {
  try {
    return formatMoney(amount, currency, "en");
  } catch {
    return `${amount} ${currency.toUpperCase()} (minor units)`;
  }
}

/** Why a payout failed and what fixes it, in plain words (the alert's and the payout emails' words). */
export function payoutFailureWords(payout: Pick<Stripe.Payout, "failure_code" | "failure_message">) {
  const [why, fix] = FAILURES[payout.failure_code ?? ""] ?? [
    `The bank returned the payout${payout.failure_message ? `: ${payout.failure_message}` : "."}`,
    ASK_BANK,
  ];
  return { why, fix: fix ?? NEW_BANK };
}

function failedFinding(payout: Stripe.Payout, accountId: string): PayoutFinding {
  const { why, fix } = payoutFailureWords(payout);
  return {
    key: `payout:${accountId}:${payout.id}:failed`,
    kind: "failed",
    severity: "critical",
    payoutId: payout.id,
    accountId,
    since: fromUnix(payout.arrival_date).toISOString(),
    title: "Payout failed",
    explanation: `The payout of ${formatAmount(payout.amount, payout.currency)} due ${isoDay(fromUnix(payout.arrival_date))} failed. ${why} The money is back in the Stripe balance.`,
    fix,
  };
}

function lateFinding(payout: Stripe.Payout, accountId: string, now: Date): PayoutFinding | null {
  if (payout.status !== "in_transit" && payout.status !== "pending") return null;
  const due = fromUnix(payout.arrival_date);
  // arrival_date names a day and the money may land at any time of it: late starts the next business day.
  const daysLate = countBusinessDays(due, now);
  if (daysLate < 1) return null;
  const trace = payout.trace_id?.value ? ` Give the bank the trace ID ${payout.trace_id.value}.` : "";
  const state = payout.status === "pending" ? "has not been sent yet" : "is still on its way";
  return {
    key: `payout:${accountId}:${payout.id}:late`,
    money: { amount: payout.amount, currency: payout.currency },
    kind: "late",
    severity: daysLate >= 3 ? "critical" : "warning",
    payoutId: payout.id,
    accountId,
    since: due.toISOString(),
    title: "Payout is late",
    explanation: `The payout of ${formatAmount(payout.amount, payout.currency)} was expected on ${isoDay(due)} and ${state}: ${businessDaysLateWords(daysLate)}. Banks usually credit payouts within 1-3 business days.`,
    fix: `${GUIDE_FIX} If it has still not arrived, ask the bank to look for it.${trace}`,
  };
}

function pausedFinding(input: PayoutAnalysisInput): PayoutFinding | null {
  const { account, now } = input;
  const req = account.requirements;
  const overdue = describeRequirements(req?.past_due);
  if (account.payouts_enabled && overdue.length === 0) return null;
  const reason = req?.disabled_reason ? describeDisabledReason(req.disabled_reason) : null;
  const needed = describeRequirements([...(req?.past_due ?? []), ...(req?.currently_due ?? [])]);
  const deadline = req?.current_deadline ? fromUnix(req.current_deadline) : null;
  const sentences = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(" ");
  return {
    key: `account:${account.id}:payouts_paused`,
    kind: "paused",
    severity: account.payouts_enabled ? "warning" : "critical",
    accountId: account.id,
    since: (deadline && deadline < now ? deadline : now).toISOString(),
    title: account.payouts_enabled ? "Payouts are about to pause" : "Payouts are paused",
    explanation: sentences(
      account.payouts_enabled
        ? "Stripe still pays out, but information is overdue."
        : "Stripe has stopped payouts.",
      reason && `${reason.title}: ${reason.explanation}`,
      needed.length > 0 && `Stripe needs: ${needed.map((item) => item.label).join("; ")}.`,
    ),
    fix: sentences(
      "Ensure the Stripe account is fully set up, verified, and not restricted.",
      reason?.fix,
      needed.length > 0 && whatToProvide(needed),
    ),
  };
}

function held(accountId: string, which: "pending" | "available", currency: string) {
  return {
    key: `account:${accountId}:held:${which}:${currency}`,
    kind: "held_balance" as const,
    accountId,
    title: which === "pending" ? "Money held longer than the payout schedule says" : "Money not paid out",
  };
}

/**
 * Payments still pending after the schedule's delay (plus a day for bank holidays). With a release date still
 * ahead Stripe is holding them on purpose (info); past that date they are stuck (warning).
 */
function heldPending(input: PayoutAnalysisInput, schedule: PayoutScheduleLike): PayoutFinding[] {
  const byCurrency = new Map<string, { amount: number; expected: Date; release: number }>();
  for (const txn of input.balanceTransactions ?? []) {
    if (txn.status !== "pending" || txn.net <= 0) continue;
    const expected = addBusinessDays(fromUnix(txn.created), schedule.delay_days);
    if (countBusinessDays(expected, input.now) < 2) continue;
    const seen = byCurrency.get(txn.currency);
    byCurrency.set(txn.currency, {
      amount: (seen?.amount ?? 0) + txn.net,
      expected: seen && seen.expected < expected ? seen.expected : expected,
      release: Math.min(seen?.release ?? Number.POSITIVE_INFINITY, txn.available_on),
    });
  }
  return [...byCurrency].map(([currency, { amount, expected, release }]): PayoutFinding => {
    const stuck = fromUnix(release) < input.now;
    const when = stuck
      ? `Stripe's own release date, ${isoDay(fromUnix(release))}, has passed too.`
      : `Stripe will release it on ${isoDay(fromUnix(release))}: it is holding it on purpose (a review or a reserve).`;
    return {
      ...held(input.account.id, "pending", currency),
      severity: stuck ? "warning" : "info",
      since: expected.toISOString(),
      explanation: `${formatAmount(amount, currency)} from payments is still pending although the payout schedule (${schedule.delay_days} days) made it available by ${isoDay(expected)}. ${when}`,
      fix: `${GUIDE_FIX} Look in the Stripe dashboard (Balance) for a notice about held funds.`,
    };
  });
}

/** Newest funds first: payouts sweep the balance, so what is left is the most recent money. */
function availableSince(amount: number, currency: string, txns: readonly Stripe.BalanceTransaction[]) {
  const incoming = txns
    .filter((t) => t.currency === currency && t.status === "available" && t.net > 0)
    .sort((a, b) => b.available_on - a.available_on);
  let covered = 0;
  for (const txn of incoming) {
    covered += txn.net;
    if (covered >= amount) return fromUnix(txn.available_on);
  }
  // Not enough history to cover the balance: the oldest one seen is a lower bound on the age.
  const oldest = incoming.at(-1);
  return oldest ? fromUnix(oldest.available_on) : null;
}

/** Available money that the schedule should already have paid out (manual schedules never do). */
function heldAvailable(input: PayoutAnalysisInput, schedule: PayoutScheduleLike): PayoutFinding[] {
  return (input.balance?.available ?? []).flatMap((funds) => {
    if (funds.amount <= 0) return [];
    const since = availableSince(funds.amount, funds.currency, input.balanceTransactions ?? []);
    if (since === null) return [];
    const payoutDay = nextScheduledPayoutDay(since, schedule);
    // One business day of grace after the payout day, for bank holidays and the time of day payouts are made.
    const deadline = addBusinessDays(payoutDay ?? since, 1);
    if (countBusinessDays(deadline, input.now) < 1) return [];
    const why = payoutDay
      ? `The ${describeSchedule(schedule)} payout schedule should have sent it by ${isoDay(deadline)}.`
      : "Payouts are set to manual, so it stays in Stripe until someone sends a payout.";
    return [
      {
        ...held(input.account.id, "available", funds.currency),
        severity: "warning",
        since: since.toISOString(),
        explanation: `${formatAmount(funds.amount, funds.currency)} has been available since ${isoDay(since)} but has not been paid out. ${why}`,
        fix: payoutDay
          ? GUIDE_FIX
          : "Send a payout from the Stripe dashboard (Balance > Pay out), or switch payouts to an automatic schedule.",
      },
    ];
  });
}

/** Late, failed and paused payouts and held money of one account, as alerts with stable keys. */
export function analysePayouts(input: PayoutAnalysisInput): PayoutFinding[] {
  const accountId = input.account.id;
  const schedule = input.account.settings?.payouts?.schedule;
  // A failed payout stays failed for ever; once a later one has been paid the bank problem is fixed.
  const lastPaid = Math.max(0, ...input.payouts.filter((p) => p.status === "paid").map((p) => p.created));
  return [
    pausedFinding(input),
    ...input.payouts.map((p) => {
      if (p.status !== "failed") return lateFinding(p, accountId, input.now);
      return p.created > lastPaid ? failedFinding(p, accountId) : null;
    }),
    ...(schedule ? [...heldPending(input, schedule), ...heldAvailable(input, schedule)] : []),
  ].filter((finding) => finding !== null);
}
