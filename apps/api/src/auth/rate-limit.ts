import type { Db } from "@fieldpay/db/client";
import {
  clearFailedAttempts,
  countFailedAttempts,
  recordFailedAttempt,
} from "@fieldpay/db/repositories/auth-attempts";
import { DomainError } from "../errors.ts";

// Kept in PostgreSQL so every api process counts the same attempts.
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export interface AttemptKeys {
  /** e.g. "staff:ana@example.com" or "customer:<tenant id>:ana@example.com" */
  account: string;
  address: string;
}

export async function assertSignInAllowed(db: Db, keys: AttemptKeys, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    countFailedAttempts(db, "account", keys.account, since),
    countFailedAttempts(db, "address", keys.address, since),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new DomainError(
      "rate_limited",
      "Too many sign-in attempts.",
      "Wait 15 minutes and try again. If you forgot your password, ask your business's admin to reset it.",
    );
  }
}

export async function recordSignInFailure(db: Db, keys: AttemptKeys): Promise<void> {
  await Promise.all([
    recordFailedAttempt(db, "account", keys.account),
    recordFailedAttempt(db, "address", keys.address),
  ]);
}

export async function recordSignInSuccess(db: Db, keys: AttemptKeys): Promise<void> {
  await clearFailedAttempts(db, "account", keys.account);
}
