import type { PaymentErrorCode } from "@fieldpay/payments/errors";
import { paymentError } from "@fieldpay/payments/errors";
import { describe, expect, it } from "vitest";
import { fromPaymentError } from "./payment-error.ts";

const kindOf = (code: Exclude<PaymentErrorCode, "card_declined">) =>
  fromPaymentError(paymentError(code)).code;

describe("fromPaymentError (every payment and Connect call alike)", () => {
  it("makes what the person entered a bad request, and the same code the same answer in every caller", () => {
    for (const code of ["card_authentication_required", "invalid_input", "amount_too_small"] as const) {
      expect(kindOf(code)).toBe("invalid_input");
    }
    expect(fromPaymentError({ code: "card_declined", message: "m", fix: "f", retryable: false }).code).toBe(
      "invalid_input",
    );
  });

  it("makes a state to resolve first a conflict, with the catalogue's message and fix", () => {
    for (const code of ["login_link_not_available", "connected_account_unusable", "rate_limited"] as const) {
      expect(kindOf(code)).toBe("conflict");
    }
    const mapped = fromPaymentError(paymentError("not_found"));
    expect([mapped.message, mapped.fix]).toEqual([
      paymentError("not_found").message,
      paymentError("not_found").fix,
    ]);
  });
});
