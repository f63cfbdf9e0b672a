import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IDEMPOTENCY_KEY_MAX_LENGTH, idempotencyKey } from "./idempotency.ts";

describe("idempotencyKey", () => {
  it("reads as fieldpay:<object>:<action>:<our ids>", () => {
    expect(idempotencyKey("payment_intent:create", ["tenant-1", "booking-42", 0])).toBe(
      "fieldpay:payment_intent:create:tenant-1:booking-42:0",
    );
  });

  it("gives the same key for the same inputs and a new key for a new attempt or operation", () => {
    const first = idempotencyKey("payment_intent:create", ["t1", "b1", 1]);
    expect(idempotencyKey("payment_intent:create", ["t1", "b1", 1])).toBe(first);
    expect(idempotencyKey("payment_intent:create", ["t1", "b1", 2])).not.toBe(first);
    expect(idempotencyKey("refund:create", ["t1", "b1", 1])).not.toBe(first);
  });

  it("cannot be confused by ids that contain the separator", () => {
    expect(idempotencyKey("refund:create", ["a:b", "c"])).not.toBe(
      idempotencyKey("refund:create", ["a", "b:c"]),
    );
    expect(idempotencyKey("refund:create", ["a:b"])).toBe("fieldpay:refund:create:a%3Ab");
  });

  it("stays within Stripe's 255 characters, deterministically, even for very long ids", () => {
    const long = "x".repeat(400);
    const key = idempotencyKey("customer:create", ["tenant", long]);
    expect(key.length).toBe(IDEMPOTENCY_KEY_MAX_LENGTH);
    expect(key.startsWith("fieldpay:customer:create:tenant:xxx")).toBe(true);
    expect(idempotencyKey("customer:create", ["tenant", long])).toBe(key);
    expect(idempotencyKey("customer:create", ["tenant", `${long}y`])).not.toBe(key);
  });

  it("is deterministic, short enough and distinct for distinct id lists (property)", () => {
    const ids = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 120 }), fc.nat()), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const keyA = idempotencyKey("payment_intent:create", a);
        expect(keyA.length).toBeLessThanOrEqual(IDEMPOTENCY_KEY_MAX_LENGTH);
        expect(idempotencyKey("payment_intent:create", [...a])).toBe(keyA);
        const same = JSON.stringify(a.map(String)) === JSON.stringify(b.map(String));
        expect(idempotencyKey("payment_intent:create", b) === keyA).toBe(same);
      }),
    );
  });

  it("refuses ids that would make a meaningless key", () => {
    expect(() => idempotencyKey("refund:create", [])).toThrow(RangeError);
    expect(() => idempotencyKey("refund:create", [""])).toThrow(RangeError);
    expect(() => idempotencyKey("refund:create", [-1])).toThrow(RangeError);
    expect(() => idempotencyKey("refund:create", [1.5])).toThrow(RangeError);
  });
});
