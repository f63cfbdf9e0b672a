// Webhook verification needs a business's settings and its opened signing secrets on every request; reading and
// decrypting them each time cost more than the rest of the request. They are kept for a few seconds, and a
// signature that fails against kept secrets is checked again against fresh ones, so a just-rotated secret works
// at once.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import type { EndpointKind } from "@fieldpay/payments/webhooks";
import { endpointSecrets } from "./endpoint-secrets.ts";

export interface EndpointKeys {
  settings: PaymentSettingsRow;
  secrets: string[];
  /** True when just read from the database (not from the cache). */
  fresh: boolean;
}

export type LoadEndpoint = (
  tenantId: string,
  endpoint: EndpointKind,
  options?: { fresh?: boolean },
) => Promise<EndpointKeys | null>;

export function loadEndpointUncached(db: Db, box: SecretBox): LoadEndpoint {
  return async (tenantId, endpoint) => {
    const settings = await findPaymentSettings(db, tenantId);
    return settings ? { settings, secrets: endpointSecrets(box, settings, endpoint), fresh: true } : null;
  };
}

export function createEndpointCache(
  db: Db,
  box: SecretBox,
  options: { ttlMs?: number; now?: () => number; load?: LoadEndpoint } = {},
): LoadEndpoint {
  const ttlMs = options.ttlMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  const load = options.load ?? loadEndpointUncached(db, box);
  const kept = new Map<string, { keys: EndpointKeys; until: number }>();
  // Reads in progress: requests arriving together (a burst on a cold or just-expired entry, or many forged
  // signatures asking for fresh secrets) share one read instead of each making its own.
  const reading = new Map<string, Promise<EndpointKeys | null>>();
  const read = (key: string, tenantId: string, endpoint: EndpointKind, fresh: boolean) => {
    const readKey = `${key}:${fresh ? "fresh" : "any"}`;
    let pending = reading.get(readKey);
    if (!pending) {
      pending = load(tenantId, endpoint).then(
        (keys) => {
          reading.delete(readKey);
          // Unknown businesses are not kept: one that sets up payments now is found on its first event.
          if (keys) kept.set(key, { keys, until: now() + ttlMs });
          else kept.delete(key);
          return keys;
        },
        (error: unknown) => {
          reading.delete(readKey);
          throw error;
        },
      );
      reading.set(readKey, pending);
    }
    return pending;
  };
  return async (tenantId, endpoint, { fresh = false } = {}) => {
    const key = `${tenantId}:${endpoint}`;
    const hit = kept.get(key);
    if (!fresh && hit && hit.until > now()) return { ...hit.keys, fresh: false };
    return read(key, tenantId, endpoint, fresh);
  };
}
