import { type ConnectSettings, StripeConnect } from "./connect.ts";
import type { ConnectionSettings } from "./credentials.ts";
import { type DirectSettings, DirectStripe } from "./direct.ts";
import type { ConnectAccountType, ConnectPaymentStrategy, DirectPaymentStrategy } from "./strategy.ts";

/** A business's payment settings, as stored (secret already decrypted) and handed in by the caller. */
export type StrategySettings = DirectSettings | ConnectSettings;

/** The strategy for a business's settings: Stripe on its own account, or Stripe Connect with fieldworkers. */
export function createStrategy(settings: DirectSettings): DirectPaymentStrategy;
export function createStrategy(settings: ConnectSettings): ConnectPaymentStrategy;
export function createStrategy(settings: StrategySettings): DirectPaymentStrategy | ConnectPaymentStrategy;
export function createStrategy(settings: StrategySettings): DirectPaymentStrategy | ConnectPaymentStrategy {
  if (settings.mode === "direct") return new DirectStripe(settings);
  if (settings.mode === "connect") return new StripeConnect(settings);
  // Settings come from a database row; a mode the types rule out can still arrive at run time.
  throw new RangeError("payment settings: mode must be 'direct' or 'connect'");
}

/** What a business's saved settings hold in either mode; the account type is kept even while it is unused. */
export interface SavedStrategySettings extends ConnectionSettings {
  mode: "direct" | "connect";
  secretKey: string;
  connectAccountType: ConnectAccountType;
}

/**
 * The strategy for settings as a business saved them, for the api and the worker alike: the account type only
 * reaches Stripe Connect, so switching modes back and forth never carries it into Stripe mode.
 */
export function strategyForSavedSettings(
  settings: SavedStrategySettings,
): DirectPaymentStrategy | ConnectPaymentStrategy {
  const { mode, connectAccountType, ...connection } = settings;
  return mode === "connect"
    ? createStrategy({ ...connection, mode, connectAccountType })
    : createStrategy({ ...connection, mode });
}
