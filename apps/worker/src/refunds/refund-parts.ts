// What every refund fieldpay makes by itself shares: an id derived from what it is for, so a retried job, a second
// worker or a replayed event opens the same refund, under the same idempotency key. (Who gives back what is
// packages/payments' refundSplit, of the charge as packages/db's chargeOf gives it.)
import { createHash } from "node:crypto";

/** A UUID (version 5 layout) made from a purpose and the ids it is about: the same inputs, the same refund. */
export function derivedRefundId(purpose: string, ...parts: readonly (string | number)[]): string {
  const hex = createHash("sha256")
    .update([purpose, ...parts].join(":"))
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
