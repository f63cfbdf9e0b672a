// `npm run dev` runs this: seeds the demo businesses (seed-demo.ts, seed-connect.ts) and prints how to sign in.
// Safe to run again: it changes nothing that exists.
import { createDb } from "@fieldpay/db/client";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createLogger } from "@fieldpay/payments/log";
import { loadEnv } from "../env.ts";
import { seedConnectDemo } from "./seed-connect.ts";
import { seedDemo } from "./seed-demo.ts";
import { seedLines } from "./seed-shared.ts";

const env = loadEnv();
const db = createDb({ url: env.DATABASE_URL, max: 1 });
try {
  const deps = {
    db,
    secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
    stripeApiBase: env.STRIPE_API_BASE,
    webhookBaseUrl: env.WEBHOOK_BASE_URL,
    log: createLogger({ app: "seed", format: "pretty" }),
  };
  for (const seed of [seedDemo, seedConnectDemo]) {
    for (const line of seedLines(await seed(deps), env.WEB_ORIGIN)) console.log(line);
  }
} finally {
  await db.destroy();
}
