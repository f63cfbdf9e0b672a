// Sessions written by hand after Lucia's guide: token = "<id>.<secret>", only SHA-256(secret) is stored,
// the secret is compared in constant time, and the expiry slides forward while the session is used.

import type { Db } from "@fieldpay/db/client";
import {
  deleteSession,
  deleteUserSessions,
  extendSession,
  findSessionWithUser,
  insertSession,
  type SessionWithUser,
} from "@fieldpay/db/repositories/sessions";
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Past half its life, a used session is extended to a full lifetime again. */
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

function randomPart(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

const hashSecret = (secret: string) => sha256(new TextEncoder().encode(secret));

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  user: { id: string; tenantId: string },
  now = new Date(),
): Promise<IssuedSession> {
  // 120-bit id and 160-bit secret: both far past guessing, and the secret alone is >= 128 bits.
  const id = randomPart(15);
  const secret = randomPart(20);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(db, {
    id,
    secret_hash: hashSecret(secret),
    user_id: user.id,
    tenant_id: user.tenantId,
    expires_at: expiresAt,
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export type ValidatedSession = SessionWithUser & { renewedUntil: Date | null };

export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const found = await findSessionWithUser(db, id);
  if (!found) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(found.session.secret_hash))) return null;
  const expiresAt = new Date(found.session.expires_at);
  if (expiresAt.getTime() <= now.getTime()) {
    await deleteSession(db, id);
    return null;
  }
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    const renewed = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await extendSession(db, id, renewed);
    return { ...found, renewedUntil: renewed };
  }
  return { ...found, renewedUntil: null };
}

export function sessionIdOf(token: string): string | null {
  return token.split(".")[0] || null;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<number> {
  return deleteUserSessions(db, userId);
}
