// The business's Stripe strategy, built from its stored settings with the secret key opened only here.
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import { strategyForSavedSettings } from "@fieldpay/payments/create-strategy";
import type { ApiDeps } from "../context.ts";
import type { BuiltStrategy, StrategySource } from "./strategy-cache.ts";

export type StrategyDeps = Pick<ApiDeps, "db" | "secretBox" | "stripeApiBase" | "strategies">;

export interface TenantStrategy {
  settings: PaymentSettingsRow;
  strategy: BuiltStrategy;
}

/**
 * The strategy for settings the caller has just read from the database (never a copy kept from earlier): built
 * once per business and key, and rebuilt as soon as the row says otherwise.
 */
export function strategyFromSettings(
  deps: Omit<StrategyDeps, "db">,
  settings: StrategySource,
): BuiltStrategy {
  return deps.strategies.strategyFor(settings, deps.stripeApiBase, () => {
    const tenantId = settings.tenant_id;
    // The AAD binds the sealed key to this tenant: a row copied to another tenant does not open.
    const secretKey = deps.secretBox.open(settings.secret_key_sealed, tenantId, "stripe_secret_key");
    return strategyForSavedSettings({
      mode: settings.mode,
      secretKey,
      apiBase: deps.stripeApiBase,
      connectAccountType: settings.connect_account_type,
    });
  });
}

/** Null when the business has not set up payments yet; callers say so in their own words. */
export async function strategyForTenant(
  deps: StrategyDeps,
  tenantId: string,
): Promise<TenantStrategy | null> {
  const settings = await findPaymentSettings(deps.db, tenantId);
  if (!settings) return null;
  return { settings, strategy: strategyFromSettings(deps, settings) };
}
