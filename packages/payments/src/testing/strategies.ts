// Both strategies pointed at a test Stripe (stripe-mock or a recording proxy in front of it), with no retries.
import { StripeConnect } from "../connect.ts";
import { DirectStripe } from "../direct.ts";
import type { ConnectAccountType } from "../strategy.ts";

export const directStripeAt = (apiBase: string) =>
  new DirectStripe({ mode: "direct", secretKey: "sk_test_123", apiBase, maxNetworkRetries: 0 });

export const stripeConnectAt = (apiBase: string, connectAccountType: ConnectAccountType = "standard") =>
  new StripeConnect({
    mode: "connect",
    secretKey: "sk_test_123",
    apiBase,
    maxNetworkRetries: 0,
    connectAccountType,
  });
