import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { loadEnv } from "./env.ts";
import { smtpMailer } from "./mail/smtp-transport.ts";
import { createStrategyCache } from "./payments/strategy-cache.ts";
import { createApiServer } from "./server.ts";

const env = loadEnv();
const db = createDb({
  url: env.DATABASE_URL,
  onIdleError: (e) => console.warn(`[api] database connection dropped: ${e.message}`),
});
// With SMTP_URL, emails are delivered; without it they stay in the outbox (the dev Outbox page shows them).
const mailer =
  env.SMTP_URL !== undefined && env.MAIL_FROM !== undefined
    ? smtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM })
    : undefined;
const server = createApiServer({
  db,
  stripeApiBase: env.STRIPE_API_BASE,
  allowedOrigins: [env.WEB_ORIGIN],
  secureCookies: env.WEB_ORIGIN.startsWith("https://"),
  secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
  webhookBaseUrl: env.WEBHOOK_BASE_URL,
  strategies: createStrategyCache(),
  ...(mailer && { mailer }),
});

server.listen(env.API_PORT, () => {
  console.log(`[api] listening on http://localhost:${env.API_PORT} (tRPC at /trpc)`);
  console.log(
    mailer
      ? `[api] emails are delivered through the SMTP server in SMTP_URL, from ${env.MAIL_FROM}`
      : "[api] emails stay in the outbox (SMTP_URL is not set)",
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
