import { type ConnectSettings, StripeConnect } from "./connect.ts";
import { type DirectSettings, DirectStripe } from "./direct.ts";

/** A business's payment settings, as stored (secret already decrypted) and handed in by the caller. */
export type StrategySettings = DirectSettings | ConnectSettings;

/** The strategy for a business's settings: Stripe on its own account, or Stripe Connect with fieldworkers. */
export function createStrategy(settings: DirectSettings): DirectStripe;
export function createStrategy(settings: ConnectSettings): StripeConnect;
export function createStrategy(settings: StrategySettings): DirectStripe | StripeConnect;
export function createStrategy(settings: StrategySettings): DirectStripe | StripeConnect {
  if (settings.mode === "direct") return new DirectStripe(settings);
  if (settings.mode === "connect") return new StripeConnect(settings);
  // Settings come from a database row; a mode the types rule out can still arrive at run time.
  throw new RangeError("payment settings: mode must be 'direct' or 'connect'");
}
