// A Stripe id on an admin's page, linked to the Stripe Dashboard in the business's key mode (test or live).
import { StripeLink } from "@fieldpay/ui/stripe-link";
import { trpc } from "./trpc.ts";

/** The business's key mode; test until the settings are loaded (the links then open test data). */
export function useStripeMode(): "test" | "live" {
  const settings = trpc.paymentSettings.get.useQuery(undefined, { staleTime: 5 * 60_000 });
  return settings.data?.settings?.keyMode ?? "test";
}

export function StripeId({ id, onAccount = null }: { id: string; onAccount?: string | null }) {
  return <StripeLink id={id} mode={useStripeMode()} onAccount={onAccount} />;
}
