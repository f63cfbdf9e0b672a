// The secret in an emailed single-use link (an invitation, a password reset): only its hash is stored.
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a database leak does not yield usable links. */
export function hashLinkToken(token: string): Uint8Array {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Tokens we issue have exactly this shape; anything else is refused before touching the database. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
