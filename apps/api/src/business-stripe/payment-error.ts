// How a problem Stripe (or packages/payments, before sending anything) reports reaches the person in the api:
// one sorting for every caller, so the same PaymentError is the same tRPC error wherever it comes from.
import type { PaymentError } from "@fieldpay/payments/errors";
import { DomainError } from "../errors.ts";

// Problems the person can fix by changing what they entered; everything else is a state to resolve first.
const INPUT_PROBLEMS: ReadonlySet<PaymentError["code"]> = new Set([
  "card_declined",
  "card_authentication_required",
  "invalid_input",
  "amount_too_small",
  "amount_too_large",
]);

/** A PaymentError as a DomainError: the same plain message and fix, never Stripe's raw text. */
export function fromPaymentError(error: PaymentError): DomainError {
  return new DomainError(
    INPUT_PROBLEMS.has(error.code) ? "invalid_input" : "conflict",
    error.message,
    error.fix,
  );
}
