import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createLogger } from "@fieldpay/payments/log";
import { trustedProxies } from "./auth/client-address.ts";
import { createStrategyCache } from "./business-stripe/strategy-cache.ts";
import { loadEnv } from "./env.ts";
import { createApiServer } from "./server.ts";
import { createWebFiles } from "./web-files.ts";

const env = loadEnv();
// JSON lines for whatever collects production logs; one readable line each in `npm run dev`.
const log = createLogger({ app: "api", format: env.NODE_ENV === "production" ? "json" : "pretty" });
const db = createDb({
  url: env.DATABASE_URL,
  onIdleError: (e) => log.warn({ err: e }, "database connection dropped"),
});
// Production serves the built SPA on this origin; a missing build stops the api here rather than 404 every page.
const web =
  env.WEB_DIST_DIR === undefined
    ? undefined
    : await createWebFiles(env.WEB_DIST_DIR).catch((error: unknown) => {
        log.fatal(
          `configuration error: WEB_DIST_DIR ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exit(1);
      });
const server = createApiServer(
  {
    db,
    stripeApiBase: env.STRIPE_API_BASE,
    allowedOrigins: [env.WEB_ORIGIN],
    // In production always: browsers keep a Secure cookie on http://localhost too, so trying a build locally works.
    secureCookies: env.NODE_ENV === "production" || env.WEB_ORIGIN.startsWith("https://"),
    secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
    webhookBaseUrl: env.WEBHOOK_BASE_URL,
    strategies: createStrategyCache(),
    log,
    ...(env.TRUSTED_PROXIES !== undefined && { trustedProxies: trustedProxies(env.TRUSTED_PROXIES) }),
  },
  { ...(web && { web }) },
);

server.listen(env.API_PORT, () => {
  log.info(`listening on http://localhost:${env.API_PORT} (tRPC at /trpc)`);
});

function shutdown() {
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
