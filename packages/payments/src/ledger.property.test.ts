// Whole bookings, simulated from booking to the last refund with the pure money functions, under random plans,
// prices, deposits, commissions, adjusted final prices, refund splits and currencies of 0, 2 and 3 decimals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FeeRule } from "./fees.ts";
import { splitCharge } from "./fees.ts";
import { chargeShares, refundShares, type Shares } from "./ledger.ts";
import { amountStep, minimumCharge } from "./money/limits.ts";
import type { Money } from "./money.ts";
import {
  afterJobMoney,
  type DepositRule,
  depositFor,
  dueAtBooking,
  feeForCharge,
  PAYMENT_PLANS,
} from "./plans.ts";
import { CHARGE_TYPES, type ChargeType } from "./strategy.ts";

interface Charge {
  amount: number;
  applicationFee: number | null;
  refunded: number;
}
interface Line {
  amount: number;
  shares: Shares;
}
interface Booking {
  currency: string;
  chargeType: ChargeType;
  rule: FeeRule;
  charges: Charge[];
  lines: Line[];
  /** True when some piece's fee was cut to [0, charge] rather than allocated in full. */
  clamped: boolean;
}

const onStep = (amount: number, currency: string) => amount - (amount % amountStep(currency));

function charge(booking: Booking, amount: number): void {
  if (amount <= 0) return;
  const money = (value: number): Money => ({ amount: value, currency: booking.currency });
  let applicationFee: number | null = null;
  if (booking.chargeType !== "direct") {
    const charged = booking.charges.reduce((sum, c) => sum + c.amount, 0);
    const fees = booking.charges.reduce((sum, c) => sum + (c.applicationFee ?? 0), 0);
    const before = { charged: money(charged), fees: money(fees) };
    applicationFee = feeForCharge({ rule: booking.rule, before, charge: money(amount) }).applicationFee
      .amount;
    const whole = splitCharge({ charge: money(charged + amount), rule: booking.rule });
    if (!whole.ok) throw new Error(whole.error.message);
    const wanted = whole.applicationFee.amount - fees;
    if (whole.capped || wanted < 0 || wanted > amount) booking.clamped = true;
  }
  booking.charges.push({ amount, applicationFee, refunded: 0 });
  booking.lines.push({
    amount,
    shares: chargeShares({ chargeType: booking.chargeType, amount, applicationFee }),
  });
}

/** Refunds `amount` across the charges, latest first, in pieces of the given sizes (brought to the currency's step). */
function refund(booking: Booking, amount: number, pieces: number[], flags: Flags): void {
  let left = amount;
  let piece = 0;
  for (const target of [...booking.charges].reverse()) {
    while (left > 0 && target.refunded < target.amount) {
      const room = Math.min(left, target.amount - target.refunded);
      // Each piece is used once; whatever is left of a charge then goes back in one refund.
      const wanted = onStep(pieces[piece++] ?? room, booking.currency);
      const now = wanted > 0 && wanted < room ? wanted : room;
      const shares = refundShares({
        chargeType: booking.chargeType,
        charge: target,
        refundedBefore: target.refunded,
        refund: now,
        ...flags,
      });
      target.refunded += now;
      left -= now;
      booking.lines.push({ amount: -now, shares });
    }
  }
}

interface Flags {
  refundApplicationFee: boolean;
  reverseTransfer: boolean;
}

// A fraction from 0 to `max` in ten-thousandths (fast-check's doubles cluster at 0 and tiny values).
const share = (max: number) => fc.integer({ min: 0, max: max * 10_000 }).map((n) => n / 10_000);

const scenario = fc
  .record({
    currency: fc.constantFrom("jpy", "usd", "kwd"),
    chargeType: fc.constantFrom(...CHARGE_TYPES),
    plan: fc.constantFrom(...PAYMENT_PLANS),
    priceUnits: fc.integer({ min: 0, max: 5_000_000 }),
    deposit: fc.oneof(
      fc.record({ basisPoints: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ fixedShare: share(1) }),
    ),
    // Most businesses take a modest commission; the whole range is still covered.
    commissionBps: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 10_000 })),
    commissionFixedShare: fc.oneof(fc.constant(0), share(0.05), share(1)),
    finalFactor: share(2),
    authorizationUsable: fc.boolean(),
    refundPieces: fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 6 }),
    flags: fc.record({ refundApplicationFee: fc.boolean(), reverseTransfer: fc.boolean() }),
  })
  .map((s) => {
    const price = onStep(minimumCharge(s.currency) + s.priceUnits, s.currency);
    const deposit: DepositRule =
      "basisPoints" in s.deposit
        ? { basisPoints: s.deposit.basisPoints }
        : {
            fixed: {
              amount: onStep(Math.floor(price * s.deposit.fixedShare), s.currency),
              currency: s.currency,
            },
          };
    const fixed = {
      amount: onStep(Math.floor(price * s.commissionFixedShare), s.currency),
      currency: s.currency,
    };
    const final = onStep(Math.floor(price * s.finalFactor), s.currency);
    return { ...s, price, deposit, rule: { basisPoints: s.commissionBps, fixed }, final };
  });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Books, does the job (capture, charge or refund as afterJobMoney says), and returns the booking so far. */
function simulate(s: Scenario): Booking {
  const money = (amount: number): Money => ({ amount, currency: s.currency });
  const booking: Booking = {
    currency: s.currency,
    chargeType: s.chargeType,
    rule: s.rule,
    charges: [],
    lines: [],
    clamped: false,
  };
  const deposit = s.plan === "deposit" ? depositFor(money(s.price), s.deposit) : null;
  const plan = deposit !== null && !deposit.ok ? "full" : s.plan;
  const due = dueAtBooking(plan, money(s.price), deposit?.ok ? deposit.deposit : null);
  const authorization = plan === "authorize" ? { amount: due, usable: s.authorizationUsable } : null;
  if (plan !== "authorize") charge(booking, due.amount);
  const charged = booking.charges.reduce((sum, c) => sum + c.amount, 0);
  const after = afterJobMoney({ plan, final: money(s.final), charged: money(charged), authorization });
  charge(booking, after.capture?.amount ?? 0);
  charge(booking, after.charge?.amount ?? 0);
  if (after.refund !== null) refund(booking, after.refund.amount, s.refundPieces, s.flags);
  return booking;
}

const sum = (lines: Line[], pick: (line: Line) => number) =>
  lines.reduce((total, line) => total + pick(line), 0);
const everything = { refundApplicationFee: true, reverseTransfer: true };

describe("a booking's ledger, over random bookings", () => {
  it("takes exactly the final price, and every line is exactly the business's plus the fieldworker's share", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const booking = simulate(s);
        expect(sum(booking.lines, (line) => line.amount)).toBe(s.final);
        for (const line of booking.lines) {
          expect(line.shares.business + line.shares.fieldworker).toBe(line.amount);
        }
        const business = sum(booking.lines, (line) => line.shares.business);
        const fieldworker = sum(booking.lines, (line) => line.shares.fieldworker);
        expect(business + fieldworker).toBe(s.final);
      }),
    );
  });

  it("never takes a negative fee or one above its charge, and keeps fees on the currency's step", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const c of simulate(s).charges) {
          const fee = c.applicationFee ?? 0;
          expect(fee).toBeGreaterThanOrEqual(0);
          expect(fee).toBeLessThanOrEqual(c.amount);
          expect(fee % amountStep(s.currency)).toBe(0);
        }
      }),
    );
  });

  it("charged in pieces, takes the same commission as one charge of the whole when no cap bites", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const booking = simulate(s);
        if (booking.chargeType === "direct" || booking.clamped) return;
        const charged = booking.charges.reduce((total, c) => total + c.amount, 0);
        const fees = booking.charges.reduce((total, c) => total + (c.applicationFee ?? 0), 0);
        const whole = splitCharge({ charge: { amount: charged, currency: s.currency }, rule: s.rule });
        expect(whole.ok && whole.applicationFee.amount).toBe(fees);
      }),
    );
  });

  it("allocates a commission over any split of a charge exactly as over the whole, when no cap bites", () => {
    const pieces = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(pieces, fc.constantFrom("jpy", "usd", "kwd"), scenario, (raw, currency, s) => {
        const booking: Booking = {
          currency,
          chargeType: "destination",
          rule: {
            basisPoints: s.rule.basisPoints,
            fixed: { amount: onStep(s.rule.fixed.amount, currency), currency },
          },
          charges: [],
          lines: [],
          clamped: false,
        };
        for (const amount of raw) charge(booking, onStep(amount, currency));
        if (booking.clamped) return;
        const charged = booking.charges.reduce((total, c) => total + c.amount, 0);
        const fees = booking.charges.reduce((total, c) => total + (c.applicationFee ?? 0), 0);
        const whole = splitCharge({ charge: { amount: charged, currency }, rule: booking.rule });
        expect(whole.ok && whole.applicationFee.amount).toBe(fees);
      }),
    );
  });

  it("refunded in full (fee and transfer too), in random pieces, nets every side to exactly zero", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const booking = simulate({ ...s, flags: everything });
        const left = booking.charges.reduce((total, c) => total + c.amount - c.refunded, 0);
        refund(booking, left, s.refundPieces, everything);
        expect(sum(booking.lines, (line) => line.shares.business)).toBe(0);
        expect(sum(booking.lines, (line) => line.shares.fieldworker)).toBe(0);
      }),
    );
  });

  it("refunded in full with any flags, gives the customer everything back and still adds up on every line", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const booking = simulate(s);
        const left = booking.charges.reduce((total, c) => total + c.amount - c.refunded, 0);
        refund(booking, left, s.refundPieces, s.flags);
        expect(sum(booking.lines, (line) => line.amount)).toBe(0);
        for (const line of booking.lines) {
          expect(line.shares.business + line.shares.fieldworker).toBe(line.amount);
        }
      }),
    );
  });
});
