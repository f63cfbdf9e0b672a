// The demo business in Stripe (direct) mode that `npm run dev` opens with. Safe to run again: it changes nothing
// that exists.
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import type { ServiceInput } from "../booking/services.ts";
import { updatePaymentSettings } from "../business-stripe/payment-settings.ts";
import {
  ensureServices,
  ensureStaff,
  type SeedDeps,
  type SeedLogin,
  type SeedResult,
} from "./seed-shared.ts";

/** Demo only: written in README and printed by npm run dev. Never used outside the local demo tenant. */
export const DEMO_ADMIN = {
  role: "admin",
  email: "admin@demo.test",
  password: "fieldpay-demo-2026",
  name: "Dana Demo",
} as const satisfies SeedLogin;

const DEMO_SERVICES: ServiceInput[] = [
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
    // A deposit when booking, the balance after the job (the seed's own example).
    paymentPlan: "deposit",
    depositKind: "percent",
    depositValue: "50",
  },
  {
    name: "Lawn mowing",
    description: "Mow, edge and clear clippings.",
    price: "45.00",
    durationMinutes: 45,
    active: true,
    paymentPlan: "card_on_file",
  },
];

export async function seedDemo(deps: SeedDeps): Promise<SeedResult> {
  const { db } = deps;
  const tenant = await ensureTenant(db, { slug: "demo", name: "Demo Field Services" });
  await ensureStaff(db, tenant, DEMO_ADMIN);
  await ensureServices(db, tenant.id, DEMO_SERVICES);
  // Against stripe-mock only: obvious fake test keys make the demo payable at once. With --real-stripe the admin
  // enters the business's own keys on the Payment integration page.
  if (deps.stripeApiBase && !(await findPaymentSettings(db, tenant.id))) {
    await updatePaymentSettings(deps, tenant.id, {
      mode: "direct",
      publishableKey: "pk_test_fieldpayDemo",
      secretKey: "sk_test_fieldpayDemo",
      webhookSecret: "whsec_fieldpayDemo",
      connectAccountType: "express",
      commissionPercent: "10",
      commissionFixed: "0",
      currency: "usd",
    });
  }
  return { tenant, logins: [DEMO_ADMIN] };
}
