import { createDb } from "@fieldpay/db/client";
import { loadEnv } from "./env.ts";
import { createWorkerServer } from "./server.ts";

const env = loadEnv();
const db = createDb({
  url: env.DATABASE_URL,
  onIdleError: (e) => console.warn(`[worker] database connection dropped: ${e.message}`),
});
const server = createWorkerServer({ db, stripeApiBase: env.STRIPE_API_BASE });

server.listen(env.WORKER_PORT, () => {
  console.log(
    `[worker] listening on http://localhost:${env.WORKER_PORT} (webhooks at /webhooks/stripe/:tenantId)`,
  );
});

function shutdown() {
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
