// Seeds the demo business that `npm run dev` opens with. Safe to run again: it changes nothing that exists.
import { createDb } from "@fieldpay/db/client";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import { findStaffByEmail, insertUser } from "@fieldpay/db/repositories/users";
import { hashPassword } from "../auth/password.ts";
import { loadEnv } from "../env.ts";

/** Demo only: written in README and printed by npm run dev. Never used outside the local demo tenant. */
export const DEMO_ADMIN = { email: "admin@demo.test", password: "fieldpay-demo-2026", name: "Dana Demo" };

const env = loadEnv();
const db = createDb({ url: env.DATABASE_URL, max: 1 });
try {
  const tenant = await ensureTenant(db, { slug: "demo", name: "Demo Field Services" });
  if (!(await findStaffByEmail(db, DEMO_ADMIN.email))) {
    const passwordHash = await hashPassword(DEMO_ADMIN.password);
    await insertUser(db, {
      tenant_id: tenant.id,
      role: "admin",
      email: DEMO_ADMIN.email,
      name: DEMO_ADMIN.name,
      password_hash: passwordHash,
    });
  }
  console.log(
    `[seed] demo business ready: sign in at http://localhost:5173/sign-in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
  );
  console.log(`[seed] its booking portal: http://localhost:5173/book/${tenant.slug}`);
} finally {
  await db.destroy();
}
