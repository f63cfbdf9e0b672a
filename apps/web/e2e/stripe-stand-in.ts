// Browser tests serve the Stripe.js stand-in (apps/web/dev/stripe-js-stand-in.ts) in place of js.stripe.com.
import type { BrowserContext, Page } from "playwright-core";
import { type StandInCall, stripeJsStandIn } from "../dev/stripe-js-stand-in.ts";

export type { StandInCall } from "../dev/stripe-js-stand-in.ts";

/** Serves the stand-in for every Stripe.js URL the page asks for. */
export async function serveStripeStandIn(target: Page | BrowserContext): Promise<void> {
  const body = stripeJsStandIn();
  await target.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body }),
  );
}

/** What the page asked of Stripe.js so far. */
export function standInCalls(page: Page): Promise<StandInCall[]> {
  return page.evaluate(() => {
    const holder: Window & { __stripeStandIn?: { calls: StandInCall[] } } = window;
    return holder.__stripeStandIn?.calls ?? [];
  });
}
