import { describe, expect, it } from "vitest";
import { chargeShares, proportionalPart, type RefundSharesInput, refundShares } from "./ledger.ts";

describe("chargeShares", () => {
  it("gives a Stripe-mode charge to the business", () => {
    expect(chargeShares({ chargeType: "direct", amount: 10_000, applicationFee: null })).toEqual({
      business: 10_000,
      fieldworker: 0,
    });
  });

  it.each(["destination", "direct_on_connected_account"] as const)(
    "%s: the fee to the business, the rest to the fieldworker",
    (chargeType) => {
      expect(chargeShares({ chargeType, amount: 10_000, applicationFee: 1030 })).toEqual({
        business: 1030,
        fieldworker: 8970,
      });
      expect(chargeShares({ chargeType, amount: 10_000, applicationFee: null })).toEqual({
        business: 0,
        fieldworker: 10_000,
      });
    },
  );

  it("refuses a fee above the charge", () => {
    expect(() => chargeShares({ chargeType: "destination", amount: 100, applicationFee: 101 })).toThrow(
      RangeError,
    );
  });
});

const refundOf = (
  chargeType: RefundSharesInput["chargeType"],
  refund: number,
  flags: { refundApplicationFee: boolean; reverseTransfer: boolean },
  refundedBefore = 0,
): RefundSharesInput => ({
  chargeType,
  charge: { amount: 10_000, applicationFee: 1000 },
  refundedBefore,
  refund,
  ...flags,
});
const both = { refundApplicationFee: true, reverseTransfer: true };
const neither = { refundApplicationFee: false, reverseTransfer: false };

describe("refundShares", () => {
  it("takes a Stripe-mode refund from the business", () => {
    expect(refundShares(refundOf("direct", 4000, both))).toEqual({ business: -4000, fieldworker: 0 });
  });

  it("destination, both flags: each side gives back its share of the refund", () => {
    expect(refundShares(refundOf("destination", 4000, both))).toEqual({ business: -400, fieldworker: -3600 });
  });

  it("destination, neither flag: the business carries the whole refund", () => {
    expect(refundShares(refundOf("destination", 4000, neither))).toEqual({ business: -4000, fieldworker: 0 });
  });

  it("destination, reverse_transfer only: the fieldworker gives back all of it, the business keeps its fee", () => {
    const flags = { refundApplicationFee: false, reverseTransfer: true };
    expect(refundShares(refundOf("destination", 4000, flags))).toEqual({ business: 0, fieldworker: -4000 });
  });

  it("destination, refund_application_fee only: nothing moves but the refund, which the business carries", () => {
    const flags = { refundApplicationFee: true, reverseTransfer: false };
    expect(refundShares(refundOf("destination", 4000, flags))).toEqual({ business: -4000, fieldworker: 0 });
  });

  it("Standard: the fieldworker's account pays; the fee's share comes back from the business when asked", () => {
    expect(refundShares(refundOf("direct_on_connected_account", 4000, both))).toEqual({
      business: -400,
      fieldworker: -3600,
    });
    expect(refundShares(refundOf("direct_on_connected_account", 4000, neither))).toEqual({
      business: 0,
      fieldworker: -4000,
    });
  });

  it("gives back exactly the whole fee over partial refunds that add up to the charge", () => {
    const charge = { amount: 1000, applicationFee: 333 };
    const parts = [1, 1, 1, 997].reduce<{ before: number; fee: number }>(
      (sum, refund) => {
        const shares = refundShares({
          chargeType: "destination",
          charge,
          refundedBefore: sum.before,
          refund,
          ...both,
        });
        expect(shares.business + shares.fieldworker).toBe(-refund);
        return { before: sum.before + refund, fee: sum.fee - shares.business };
      },
      { before: 0, fee: 0 },
    );
    expect(parts.fee).toBe(333);
  });

  it("refuses a refund of nothing or of more than is left", () => {
    expect(() => refundShares(refundOf("destination", 0, both))).toThrow(RangeError);
    expect(() => refundShares(refundOf("destination", 4000, both, 7000))).toThrow(RangeError);
  });
});

describe("proportionalPart", () => {
  it("rounds the running total, so the parts always add up", () => {
    const parts = [0, 1, 2].map((i) => proportionalPart({ total: 100, of: 3, before: i, now: 1 }));
    expect(parts).toEqual([33, 34, 33]);
  });
});
