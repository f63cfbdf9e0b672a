import { describe, expect, it } from "vitest";
import { splitCharge } from "./fees.ts";
import {
  AUTHORIZATION_VALID_DAYS,
  AUTHORIZE_BOOKINGS_WITHIN_DAYS,
  afterJobMoney,
  authorizationFits,
  belowMinimum,
  depositFor,
  dueAtBooking,
  feeForCharge,
} from "./plans.ts";

const usd = (amount: number) => ({ amount, currency: "usd" });
const kwd = (amount: number) => ({ amount, currency: "kwd" });
const jpy = (amount: number) => ({ amount, currency: "jpy" });

describe("depositFor", () => {
  it("takes a percentage of the price, rounded half-up once", () => {
    expect(depositFor(usd(12_345), { basisPoints: 2500 })).toEqual({
      ok: true,
      deposit: usd(3086),
      balance: usd(9259),
    });
    expect(depositFor(usd(12_346), { basisPoints: 2500 })).toMatchObject({ deposit: usd(3087) });
  });

  it("rounds to the currency's step (KWD in tens of fils, JPY in whole yen)", () => {
    expect(depositFor(kwd(12_340), { basisPoints: 3333 })).toMatchObject({ deposit: kwd(4110) });
    expect(depositFor(jpy(9_999), { basisPoints: 1500 })).toMatchObject({ deposit: jpy(1500) });
  });

  it("takes a fixed deposit as it is", () => {
    expect(depositFor(usd(10_000), { fixed: usd(2_000) })).toEqual({
      ok: true,
      deposit: usd(2_000),
      balance: usd(8_000),
    });
  });

  it.each([
    [
      usd(10_000),
      { fixed: usd(10_000) },
      "A deposit must be less than the price; choose “In full when booking” to take it all at once.",
    ],
    [usd(10_000), { basisPoints: 10_000 }, expect.stringContaining("less than the price")],
    [
      usd(10_000),
      { fixed: usd(49) },
      "A deposit must be at least $0.50, the smallest amount Stripe charges in USD.",
    ],
    [usd(1_000), { basisPoints: 400 }, expect.stringContaining("at least $0.50")],
    [
      usd(10_000),
      { fixed: { amount: 2000, currency: "eur" } },
      "The deposit is in EUR but the service is priced in USD.",
    ],
    [usd(10_000), { basisPoints: 0 }, "A deposit percentage must be more than 0% and at most 100%."],
    [usd(10_000), { basisPoints: 12.5 }, expect.stringContaining("percentage")],
    [kwd(10_000), { fixed: kwd(2_005) }, expect.stringContaining("end in 0")],
    [usd(-5), { basisPoints: 2000 }, "Price: The amount cannot be negative."],
  ] as const)("refuses %o with %o", (price, rule, message) => {
    expect(depositFor(price, rule)).toEqual({ ok: false, error: { message } });
  });
});

describe("authorizationFits", () => {
  const now = new Date("2031-03-10T09:00:00Z");
  const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  it("authorizes jobs that start within five days, inside Stripe's seven-day authorization", () => {
    expect(AUTHORIZE_BOOKINGS_WITHIN_DAYS).toBeLessThan(AUTHORIZATION_VALID_DAYS);
    expect(authorizationFits(inHours(1), now)).toBe(true);
    expect(authorizationFits(inHours(5 * 24), now)).toBe(true);
    expect(authorizationFits(inHours(5 * 24 + 1), now)).toBe(false);
    expect(authorizationFits(inHours(-1), now)).toBe(false);
  });
});

describe("dueAtBooking", () => {
  it("is the price, the deposit, the price held, or nothing", () => {
    expect(dueAtBooking("full", usd(9000), null)).toEqual(usd(9000));
    expect(dueAtBooking("deposit", usd(9000), usd(2000))).toEqual(usd(2000));
    expect(dueAtBooking("authorize", usd(9000), null)).toEqual(usd(9000));
    expect(dueAtBooking("card_on_file", usd(9000), null)).toEqual(usd(0));
  });

  it("refuses a deposit plan without its deposit, or in another currency", () => {
    expect(() => dueAtBooking("deposit", usd(9000), null)).toThrow(RangeError);
    expect(() => dueAtBooking("deposit", usd(9000), jpy(2000))).toThrow(/mixed currencies/);
  });
});

describe("afterJobMoney", () => {
  const held = (amount: number, usable = true) => ({ amount: usd(amount), usable });

  it("captures what the job cost when the authorization covers it, releasing the rest", () => {
    expect(
      afterJobMoney({ plan: "authorize", final: usd(8000), charged: usd(0), authorization: held(10_000) }),
    ).toEqual({ capture: usd(8000), charge: null, refund: null });
  });

  it("captures all that was authorized and charges the extra when the job cost more", () => {
    expect(
      afterJobMoney({ plan: "authorize", final: usd(12_500), charged: usd(0), authorization: held(10_000) }),
    ).toEqual({ capture: usd(10_000), charge: usd(2500), refund: null });
  });

  it("charges the card on file in full when the authorization lapsed", () => {
    expect(
      afterJobMoney({
        plan: "authorize",
        final: usd(9000),
        charged: usd(0),
        authorization: held(10_000, false),
      }),
    ).toEqual({ capture: null, charge: usd(9000), refund: null });
  });

  it("captures nothing for a job that finally costs nothing (the caller cancels the authorization)", () => {
    expect(
      afterJobMoney({ plan: "authorize", final: usd(0), charged: usd(0), authorization: held(10_000) }),
    ).toEqual({ capture: null, charge: null, refund: null });
  });

  it("charges the balance after a deposit, or refunds a deposit larger than the adjusted price", () => {
    const deposit = { plan: "deposit", charged: usd(3000), authorization: null } as const;
    expect(afterJobMoney({ ...deposit, final: usd(10_000) })).toEqual({
      capture: null,
      charge: usd(7000),
      refund: null,
    });
    expect(afterJobMoney({ ...deposit, final: usd(2000) })).toEqual({
      capture: null,
      charge: null,
      refund: usd(1000),
    });
    expect(afterJobMoney({ ...deposit, final: usd(3000) })).toEqual({
      capture: null,
      charge: null,
      refund: null,
    });
  });

  it("charges the whole price to a card on file, and an adjusted price's difference after a full charge", () => {
    expect(
      afterJobMoney({ plan: "card_on_file", final: usd(4200), charged: usd(0), authorization: null }),
    ).toMatchObject({ charge: usd(4200) });
    expect(
      afterJobMoney({ plan: "full", final: usd(5000), charged: usd(4200), authorization: null }),
    ).toEqual({
      capture: null,
      charge: usd(800),
      refund: null,
    });
  });

  it("returns a charge below Stripe's minimum, for the caller to explain", () => {
    const money = afterJobMoney({
      plan: "deposit",
      final: usd(3030),
      charged: usd(3000),
      authorization: null,
    });
    expect(money.charge).toEqual(usd(30));
    expect(money.charge !== null && belowMinimum(money.charge)).toBe(true);
  });

  it("refuses amounts in different currencies", () => {
    expect(() =>
      afterJobMoney({ plan: "full", final: usd(10), charged: jpy(10), authorization: null }),
    ).toThrow(/mixed currencies/);
    expect(() =>
      afterJobMoney({
        plan: "authorize",
        final: usd(10),
        charged: usd(0),
        authorization: { amount: jpy(10), usable: true },
      }),
    ).toThrow(/mixed currencies/);
  });
});

describe("belowMinimum", () => {
  it("is true only for more than nothing and less than Stripe's minimum", () => {
    expect([belowMinimum(usd(0)), belowMinimum(usd(49)), belowMinimum(usd(50))]).toEqual([
      false,
      true,
      false,
    ]);
    expect([belowMinimum({ amount: 17_400, currency: "huf" }), belowMinimum(kwd(500))]).toEqual([
      true,
      false,
    ]);
  });
});

describe("feeForCharge", () => {
  const rule = { basisPoints: 1000, fixed: usd(30) };
  const nothing = { charged: usd(0), fees: usd(0) };

  it("takes the fixed part once: the deposit carries it, the balance only the percentage", () => {
    const deposit = feeForCharge({ rule, before: nothing, charge: usd(2500) });
    expect(deposit).toEqual({ applicationFee: usd(280), fieldworkerNet: usd(2220) });
    const balance = feeForCharge({
      rule,
      before: { charged: usd(2500), fees: deposit.applicationFee },
      charge: usd(7500),
    });
    expect(balance).toEqual({ applicationFee: usd(750), fieldworkerNet: usd(6750) });
    const whole = splitCharge({ charge: usd(10_000), rule });
    expect(whole.ok && whole.applicationFee.amount).toBe(280 + 750);
  });

  it("evens out the rounding across pieces", () => {
    const third = { basisPoints: 333 };
    const first = feeForCharge({ rule: third, before: nothing, charge: usd(15) });
    const second = feeForCharge({
      rule: third,
      before: { charged: usd(15), fees: first.applicationFee },
      charge: usd(15),
    });
    expect([first.applicationFee.amount, second.applicationFee.amount]).toEqual([0, 1]);
  });

  it("never takes a negative fee nor more than the charge", () => {
    const overTaken = feeForCharge({ rule, before: { charged: usd(100), fees: usd(100) }, charge: usd(50) });
    expect(overTaken.applicationFee).toEqual(usd(0));
    const capped = feeForCharge({
      rule: { basisPoints: 0, fixed: usd(5000) },
      before: nothing,
      charge: usd(60),
    });
    expect(capped).toEqual({ applicationFee: usd(60), fieldworkerNet: usd(0) });
  });

  it("refuses mixed currencies and invalid rules", () => {
    expect(() => feeForCharge({ rule, before: nothing, charge: jpy(100) })).toThrow(/mixed currencies/);
    expect(() => feeForCharge({ rule: { basisPoints: -1 }, before: nothing, charge: usd(100) })).toThrow(
      /between 0% and 100%/,
    );
  });
});
