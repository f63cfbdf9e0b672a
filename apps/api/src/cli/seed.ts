// Seeds the demo business that `npm run dev` opens with. Safe to run again: it changes nothing that exists.
import { createDb } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { listServices } from "@fieldpay/db/repositories/services";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import { findStaffByEmail, insertUser } from "@fieldpay/db/repositories/users";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { hashPassword } from "../auth/password.ts";
import { createService } from "../booking/services.ts";
import { loadEnv } from "../env.ts";
import { updatePaymentSettings } from "../payments/payment-settings.ts";

/** Demo only: written in README and printed by npm run dev. Never used outside the local demo tenant. */
export const DEMO_ADMIN = { email: "admin@demo.test", password: "fieldpay-demo-2026", name: "Dana Demo" };

const DEMO_SERVICES = [
  {
    name: "Standard home clean",
    description: "Kitchen, bathrooms, floors and dusting.",
    price: "90.00",
    durationMinutes: 120,
    active: true,
  },
  {
    name: "Boiler service",
    description: "Annual safety check and service.",
    price: "120.00",
    durationMinutes: 60,
    active: true,
  },
  {
    name: "Lawn mowing",
    description: "Mow, edge and clear clippings.",
    price: "45.00",
    durationMinutes: 45,
    active: true,
  },
];

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
  if ((await listServices(db, tenant.id, { activeOnly: false })).length === 0) {
    for (const service of DEMO_SERVICES) await createService(db, tenant.id, service);
  }
  // Against stripe-mock only: obvious fake test keys make the demo payable at once. With --real-stripe the admin
  // enters the business's own keys on the Payment integration page.
  if (env.STRIPE_API_BASE && !(await findPaymentSettings(db, tenant.id))) {
    await updatePaymentSettings(
      {
        db,
        secretBox: secretBoxFromBase64(env.APP_ENCRYPTION_KEY),
        stripeApiBase: env.STRIPE_API_BASE,
        webhookBaseUrl: env.WEBHOOK_BASE_URL,
      },
      tenant.id,
      {
        mode: "direct",
        publishableKey: "pk_test_fieldpayDemo",
        secretKey: "sk_test_fieldpayDemo",
        webhookSecret: "whsec_fieldpayDemo",
        connectAccountType: "express",
        commissionPercent: "10",
        commissionFixed: "0",
        currency: "usd",
      },
    );
  }
  console.log(
    `[seed] demo business ready: sign in at http://localhost:5173/sign-in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
  );
  console.log(`[seed] its booking portal: http://localhost:5173/book/${tenant.slug}`);
} finally {
  await db.destroy();
}
