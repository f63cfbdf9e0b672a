// Secrets at rest (Stripe secret keys, webhook signing secrets): AES-256-GCM, a random 96-bit nonce per value,
// and AAD binding each value to its tenant and kind, so a ciphertext copied to another row does not open.
// Layout: [key version: 1 byte][nonce: 12 bytes][ciphertext][tag: 16 bytes].
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export type SecretKind =
  | "stripe_secret_key"
  | "webhook_secret"
  | "connect_webhook_secret"
  | "webhook_secret_previous"
  | "connect_webhook_secret_previous";

export interface SecretBox {
  seal(plaintext: string, tenantId: string, kind: SecretKind): Buffer;
  open(sealed: Uint8Array, tenantId: string, kind: SecretKind): string;
}

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * `keys` maps a version to a 32-byte key; new values are sealed with `current`. Older versions stay
 * listed while rows are re-sealed, which is how the key is rotated.
 */
export function createSecretBox(keys: Record<number, Buffer>, current: number): SecretBox {
  for (const [version, key] of Object.entries(keys)) {
    if (key.length !== 32) throw new SecretBoxError(`encryption key version ${version} must be 32 bytes`);
  }
  if (!keys[current]) throw new SecretBoxError(`no encryption key for the current version ${current}`);
  const aad = (tenantId: string, kind: SecretKind) => Buffer.from(`fieldpay:${tenantId}:${kind}`, "utf8");
  return {
    seal(plaintext, tenantId, kind) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", keys[current]!, nonce);
      cipher.setAAD(aad(tenantId, kind));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.from([current]), nonce, body, cipher.getAuthTag()]);
    },
    open(sealed, tenantId, kind) {
      const data = Buffer.from(sealed);
      const key = keys[data[0] ?? -1];
      if (!key || data.length < 1 + NONCE_BYTES + TAG_BYTES)
        throw new SecretBoxError("stored secret is unreadable");
      const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(1, 1 + NONCE_BYTES));
      decipher.setAAD(aad(tenantId, kind));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(data.subarray(1 + NONCE_BYTES, data.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        // Never echo the ciphertext or key: the message is safe to log.
        throw new SecretBoxError(
          "stored secret could not be decrypted (wrong key, or it belongs to another tenant)",
        );
      }
    },
  };
}

/** The app's box from APP_ENCRYPTION_KEY (base64, 32 bytes), version 1. */
export function secretBoxFromBase64(keyBase64: string): SecretBox {
  return createSecretBox({ 1: Buffer.from(keyBase64, "base64") }, 1);
}
