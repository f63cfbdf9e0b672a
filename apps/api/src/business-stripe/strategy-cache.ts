// Built Stripe strategies kept per business for the life of the api process. Building one opens the sealed
// secret and makes a Stripe client (the SDK sets up ~100 resource objects), which was a good part of every pay.
// The settings row is still read on every request and the entry is used only while the row still says exactly
// what the strategy was built from, so new keys or a mode switch take effect on the very next request.
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { ConnectPaymentStrategy, DirectPaymentStrategy } from "@fieldpay/payments/strategy";

/** What a strategy is built from; everything else in the settings row can change without a rebuild. */
export type StrategySource = Pick<
  PaymentSettingsRow,
  "tenant_id" | "mode" | "secret_key_sealed" | "connect_account_type"
>;

export type BuiltStrategy = DirectPaymentStrategy | ConnectPaymentStrategy;

interface Entry {
  mode: StrategySource["mode"];
  connectAccountType: StrategySource["connect_account_type"];
  sealedSecret: Buffer;
  apiBase: string | undefined;
  strategy: BuiltStrategy;
}

export interface StrategyCache {
  /** The cached strategy when `source` still matches what it was built from; otherwise builds and keeps a new one. */
  strategyFor(source: StrategySource, apiBase: string | undefined, build: () => BuiltStrategy): BuiltStrategy;
}

function matches(entry: Entry, source: StrategySource, apiBase: string | undefined): boolean {
  return (
    entry.mode === source.mode &&
    entry.connectAccountType === source.connect_account_type &&
    entry.apiBase === apiBase &&
    // The sealed bytes stand for the key: the same bytes under the same tenant (the AAD) open to the same key.
    entry.sealedSecret.equals(source.secret_key_sealed)
  );
}

/**
 * One per api process (main.ts) or test deps. Keyed by tenant id only, so two businesses never share an entry;
 * `maxTenants` bounds memory (the least recently used business is dropped and rebuilt on its next request).
 */
export function createStrategyCache(options: { maxTenants?: number } = {}): StrategyCache {
  const maxTenants = options.maxTenants ?? 1000;
  const entries = new Map<string, Entry>();
  return {
    strategyFor(source, apiBase, build) {
      const found = entries.get(source.tenant_id);
      entries.delete(source.tenant_id);
      const entry =
        found && matches(found, source, apiBase)
          ? found
          : {
              mode: source.mode,
              connectAccountType: source.connect_account_type,
              sealedSecret: Buffer.from(source.secret_key_sealed),
              apiBase,
              strategy: build(),
            };
      // Re-inserted so the Map's order is least recently used first.
      entries.set(source.tenant_id, entry);
      if (entries.size > maxTenants) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return entry.strategy;
    },
  };
}
