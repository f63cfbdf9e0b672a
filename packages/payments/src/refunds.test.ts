import { describe, expect, it } from "vitest";
import { baseRefundParams, checkRefund, refundKey, toRefundSummary } from "./refunds.ts";
import type { RefundInput } from "./strategy.ts";

const refund: RefundInput = {
  tenantId: "t1",
  bookingId: "b1",
  refundId: "r1",
  paymentIntentId: "pi_1",
  charged: { amount: 10_000, currency: "jpy" },
};

describe("checkRefund", () => {
  it("accepts a full refund and a partial one up to the charged amount", () => {
    expect(checkRefund(refund)).toBeNull();
    expect(checkRefund({ ...refund, amount: { amount: 10_000, currency: "jpy" } })).toBeNull();
    expect(checkRefund({ ...refund, amount: { amount: 1, currency: "jpy" } })).toBeNull();
  });

  it.each([
    [{ amount: 10_001, currency: "jpy" }, "A refund cannot be more than the ¥10,000 that was charged."],
    [{ amount: 100, currency: "usd" }, "The refund is in USD but the payment was in JPY."],
    [{ amount: -1, currency: "jpy" }, "Refund amount: The amount cannot be negative."],
    [{ amount: 0, currency: "jpy" }, "A refund must be more than zero."],
  ])("refuses %o", (amount, message) => {
    expect(checkRefund({ ...refund, amount })).toMatchObject({ code: "invalid_input", message });
  });

  it("refuses a malformed charged amount", () => {
    expect(checkRefund({ ...refund, charged: { amount: 1.5, currency: "jpy" } })?.code).toBe("invalid_input");
  });
});

describe("refund parameters and summary", () => {
  it("carries our ids and a key from our refund id", () => {
    expect(baseRefundParams(refund)).toEqual({
      payment_intent: "pi_1",
      metadata: { tenant_id: "t1", booking_id: "b1", refund_id: "r1" },
    });
    expect(refundKey(refund)).toBe("fieldpay:refund:create:t1:r1");
  });

  it("marks a refund of less than the charge as partial", () => {
    const stripeRefund = { id: "re_1", status: "succeeded", amount: 4000, currency: "jpy" };
    const partial = { ...refund, amount: { amount: 4000, currency: "jpy" } };
    expect(toRefundSummary(stripeRefund, partial)).toEqual({
      stripeRefundId: "re_1",
      status: "succeeded",
      amount: { amount: 4000, currency: "jpy" },
      partial: true,
    });
    expect(toRefundSummary(stripeRefund, refund).partial).toBe(false);
  });
});
