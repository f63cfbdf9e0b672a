import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { loadEnv } from "./env.ts";
import { createStrategyCache } from "./payments/strategy-cache.ts";
import { createApiServer } from "./server.ts";

const env = loadEnv();
const db = createDb({
  url: env.DATABASE_URL,
  onIdleError: (e) => console.warn(`[api] database connection dropped: ${e.message}`),
});
const server = createApiServer({
  db,
  stripeApiBase: env.STRIPE_API_BASE,
  allowedOrigins: [env.WEB_ORIGIN],
  secureCookies: env.WEB_ORIGIN.startsWith("https://"),
  secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
  webhookBaseUrl: env.WEBHOOK_BASE_URL,
  strategies: createStrategyCache(),
});

server.listen(env.API_PORT, () => {
  console.log(`[api] listening on http://localhost:${env.API_PORT} (tRPC at /trpc)`);
});

function shutdown() {
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
