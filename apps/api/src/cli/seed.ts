// Seeds the demo tenant that `npm run dev` opens with. Safe to run again: it changes nothing that exists.
import { createDb } from "@fieldpay/db/client";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import { loadEnv } from "../env.ts";

const env = loadEnv();
const db = createDb({ url: env.DATABASE_URL, max: 1 });
try {
  const tenant = await ensureTenant(db, { slug: "demo", name: "Demo Field Services" });
  console.log(`[seed] demo tenant ready (slug ${tenant.slug})`);
} finally {
  await db.destroy();
}
