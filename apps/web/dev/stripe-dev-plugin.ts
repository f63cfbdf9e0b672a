// `npm run dev` against stripe-mock: the dev server serves the Stripe.js stand-in itself and loads it before the
// app, so loadStripe() finds window.Stripe and never reaches for js.stripe.com (offline it cannot, and Stripe
// would refuse the demo's fake keys). What the customer's "bank" decides goes to the dev relay (apps/worker's
// dev-relay), proxied on the same origin. Without a relay URL (real Stripe, a build, the browser tests) the plugin
// does nothing.
import type { Plugin } from "vite";
import { stripeJsStandIn } from "./stripe-js-stand-in.ts";

const SCRIPT_PATH = "/dev-stripe/stripe.js";
const RELAY_PATH = "/dev-stripe/relay";

export function stripeStandIn(relayUrl: string | undefined): Plugin {
  return {
    name: "fieldpay:stripe-stand-in",
    apply: "serve",
    config: () =>
      relayUrl ? { server: { proxy: { [RELAY_PATH]: { target: relayUrl, changeOrigin: false } } } } : {},
    configureServer(server) {
      if (!relayUrl) return;
      const script = stripeJsStandIn({ relay: RELAY_PATH });
      server.middlewares.use(SCRIPT_PATH, (_req, res) => {
        res.setHeader("content-type", "application/javascript");
        res.setHeader("cache-control", "no-store");
        res.end(script);
      });
      server.config.logger.info(
        `[web] Stripe.js is the offline stand-in (stripe-mock); the dev relay at ${relayUrl} plays Stripe's events`,
      );
    },
    transformIndexHtml: () =>
      relayUrl ? [{ tag: "script", attrs: { src: SCRIPT_PATH }, injectTo: "head-prepend" }] : [],
  };
}
