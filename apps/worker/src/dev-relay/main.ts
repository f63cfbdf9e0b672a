// `npm run dev` against stripe-mock starts this beside the apps (scripts/dev.mjs); `--real-stripe` does not.
import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createLogger } from "@fieldpay/payments/log";
import { parseRelayEnv } from "./env.ts";
import { createRelay } from "./relay.ts";
import { createRelayServer } from "./server.ts";

const REFUND_POLL_MS = 1000;
// Dev only, so always the readable format; it signs with webhook secrets, and the logger keeps them out of its lines.
const logger = createLogger({ app: "dev-relay", format: "pretty" });
const log = (message: string) => logger.info(message);

const env = parseRelayEnv(process.env);
if ("error" in env) {
  console.error(`[dev-relay] configuration error: ${env.error}`);
  process.exit(1);
}
const db = createDb({ url: env.DATABASE_URL, max: 2 });
const relay = createRelay({
  db,
  secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
  workerUrl: env.WORKER_URL,
  log,
});
const server = createRelayServer(relay);
server.listen(env.DEV_RELAY_PORT, "127.0.0.1", () => {
  log(
    `playing Stripe's part for stripe-mock on http://localhost:${env.DEV_RELAY_PORT}: payments confirmed in the ` +
      `portal, refunds, after-job charges and saved cards become signed webhook events to ${env.WORKER_URL}. Dev only: never with --real-stripe.`,
  );
});

const poll = setInterval(() => {
  relay.announceRefunds().catch((error: unknown) => log(`refund check failed: ${String(error)}`));
  relay.announceAfterJob().catch((error: unknown) => log(`after-job check failed: ${String(error)}`));
}, REFUND_POLL_MS);

function shutdown() {
  clearInterval(poll);
  server.close(() => void db.destroy().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
