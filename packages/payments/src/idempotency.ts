import { createHash } from "node:crypto";

/** Every Stripe POST we make, named "<object>:<action>". */
export type StripeOperation =
  | "customer:create"
  | "customer:on_account"
  | "setup_intent:create"
  | "setup_intent:booking"
  | "payment_method:detach"
  | "payment_method:clone"
  | "payment_intent:create"
  | "payment_intent:cancel"
  | "payment_intent:capture"
  | "refund:create"
  | "account:create"
  | "account_link:create"
  | "login_link:create"
  | "file:create"
  | "dispute:update"
  | "transfer_reversal:create"
  | "transfer:create";

/** Stripe rejects longer Idempotency-Key headers. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

const PREFIX = "fieldpay";

/**
 * The Idempotency-Key for one Stripe POST, derived only from our own ids, so a retry after a timeout or a crash
 * (same ids) replays Stripe's first answer instead of charging twice, and a deliberate new attempt (a new
 * attempt number) gets a new key. Example: "fieldpay:payment_intent:create:<tenantId>:<bookingId>:<attempt>".
 *
 * Ids are percent-encoded, so an id containing ":" cannot make two different id lists produce one key. A key
 * that would pass Stripe's 255-character limit keeps its readable start and ends in a SHA-256 of the whole.
 */
export function idempotencyKey(operation: StripeOperation, ids: ReadonlyArray<string | number>): string {
  if (ids.length === 0) throw new RangeError(`idempotency key for ${operation}: at least one id is needed`);
  const parts = ids.map((id) => encodeId(operation, id));
  const key = `${PREFIX}:${operation}:${parts.join(":")}`;
  if (key.length <= IDEMPOTENCY_KEY_MAX_LENGTH) return key;
  const digest = createHash("sha256").update(key).digest("hex");
  return `${key.slice(0, IDEMPOTENCY_KEY_MAX_LENGTH - digest.length - 1)}~${digest}`;
}

function encodeId(operation: StripeOperation, id: string | number): string {
  if (typeof id === "number") {
    if (!Number.isSafeInteger(id) || id < 0) {
      throw new RangeError(`idempotency key for ${operation}: numeric ids must be non-negative integers`);
    }
    return String(id);
  }
  if (id.length === 0) throw new RangeError(`idempotency key for ${operation}: ids cannot be empty`);
  return encodeURIComponent(id);
}
