// The api as apps/api/src/main.ts builds it (same router, context, dependencies), but served by tRPC's own
// standalone adapter instead of apps/api/src/trpc-http.ts: what api-overhead.ts compares the lean handler with.
// Started as a process of its own, like the real api, with the same environment.
import { createServer } from "node:http";
import { createHttpContext } from "@fieldpay/api/context";
import { appRouter } from "@fieldpay/api/router";
import { createStrategyCache } from "@fieldpay/api/strategy-cache";
import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createLogger } from "@fieldpay/payments/log";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";

const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`standalone api: ${name} is missing`);
  return value;
};
const log = createLogger({ app: "api-standalone", format: "json" });
const origin = need("WEB_ORIGIN");
const deps = {
  db: createDb({ url: need("DATABASE_URL") }),
  stripeApiBase: need("STRIPE_API_BASE"),
  allowedOrigins: [origin],
  secureCookies: false,
  secretBox: secretBoxFromBase64(need("APP_ENCRYPTION_KEY")),
  webhookBaseUrl: "http://localhost:3001",
  strategies: createStrategyCache(),
  log,
};
const trpc = createHTTPHandler({
  router: appRouter,
  basePath: "/trpc/",
  createContext: ({ req, res }) => createHttpContext(deps, req, res),
});
const server = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
    return;
  }
  trpc(req, res);
});
server.listen(Number(need("API_PORT")), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => void deps.db.destroy().then(() => process.exit(0))));
