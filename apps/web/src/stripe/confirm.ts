// What Stripe.js said about a confirmation, reduced to what the page does next. 3-D Secure: when the bank
// asks for authentication (requires_action), Stripe.js shows the bank's check before we say anything.
import type { PaymentIntent, SetupIntent, Stripe, StripeError } from "@stripe/stripe-js";

export type Confirmation =
  | { kind: "succeeded"; id: string }
  /** The bank has accepted it and Stripe is finishing; the webhook will mark the booking paid. */
  | { kind: "processing"; id: string }
  | { kind: "failed"; error: StripeError | null };

type Result = { error?: StripeError; paymentIntent?: PaymentIntent; setupIntent?: SetupIntent };

function intentOf(result: Result): PaymentIntent | SetupIntent | undefined {
  return result.paymentIntent ?? result.setupIntent;
}

export async function settle(stripe: Stripe, first: Result): Promise<Confirmation> {
  let result = first;
  const intent = intentOf(result);
  if (!result.error && intent?.status === "requires_action" && intent.client_secret) {
    result = await stripe.handleNextAction({ clientSecret: intent.client_secret });
  }
  if (result.error) return { kind: "failed", error: result.error };
  const settled = intentOf(result);
  if (!settled) return { kind: "failed", error: null };
  if (settled.status === "succeeded") return { kind: "succeeded", id: settled.id };
  if (settled.status === "processing") return { kind: "processing", id: settled.id };
  return { kind: "failed", error: null };
}

/** What Stripe.js reported as the issuer's reason, for our plain-words explanation. */
export function declineCodeOf(error: StripeError | null): string | undefined {
  if (error?.type !== "card_error") return undefined;
  const code = error.decline_code ?? error.code;
  return code && /^[a-z_]{1,60}$/.test(code) ? code : undefined;
}
