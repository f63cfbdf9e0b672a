import type { Db } from "@fieldpay/db/client";
import {
  clearFailedAttempts,
  countFailedAttempts,
  recordFailedAttempt,
} from "@fieldpay/db/repositories/auth-attempts";
import type { Role } from "@fieldpay/db/schema";
import { DomainError } from "../errors.ts";

// Kept in PostgreSQL so every api process counts the same attempts.
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** The key an account's sign-in failures count under: staff sign in across businesses, customers per business. */
export function signInAccountKey(who: { role: Role; tenantId: string; email: string }): string {
  return who.role === "customer" ? `customer:${who.tenantId}:${who.email}` : `staff:${who.email}`;
}

export interface AttemptKeys {
  /** e.g. "staff:ana@example.com" or "customer:<tenant id>:ana@example.com" */
  account: string;
  address: string;
}

async function overLimit(
  db: Db,
  keys: AttemptKeys,
  limits: { account: number; address: number },
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    countFailedAttempts(db, "account", keys.account, since),
    countFailedAttempts(db, "address", keys.address, since),
  ]);
  return byAccount >= limits.account || byAddress >= limits.address;
}

export async function assertSignInAllowed(db: Db, keys: AttemptKeys, now = new Date()): Promise<void> {
  const limits = { account: MAX_FAILURES_PER_ACCOUNT, address: MAX_FAILURES_PER_ADDRESS };
  if (await overLimit(db, keys, limits, now)) {
    throw new DomainError(
      "rate_limited",
      "Too many sign-in attempts.",
      "Wait 15 minutes and try again. If you forgot your password, use “Forgot your password?” for a reset link by email.",
    );
  }
}

/** Reset emails: a few per account and per address in 15 minutes, so nobody can flood an inbox through us. */
export const MAX_RESETS_PER_ACCOUNT = 3;
const MAX_RESETS_PER_ADDRESS = 20;

export async function assertResetAllowed(db: Db, keys: AttemptKeys, now = new Date()): Promise<void> {
  const limits = { account: MAX_RESETS_PER_ACCOUNT, address: MAX_RESETS_PER_ADDRESS };
  if (await overLimit(db, keys, limits, now)) {
    throw new DomainError(
      "rate_limited",
      "Too many reset emails were asked for.",
      "Wait 15 minutes before asking again, and look for the emails already sent (your spam folder too).",
    );
  }
}

/** Counts a failed sign-in, or a reset email asked for, against both keys. */
export async function recordSignInFailure(db: Db, keys: AttemptKeys): Promise<void> {
  await Promise.all([
    recordFailedAttempt(db, "account", keys.account),
    recordFailedAttempt(db, "address", keys.address),
  ]);
}

export async function recordSignInSuccess(db: Db, keys: AttemptKeys): Promise<void> {
  await clearFailedAttempts(db, "account", keys.account);
}
