// The demo business in Stripe Connect mode (Express accounts): two fieldworkers who can be paid, a customer, and
// a few paid jobs with their split, transfers and payouts, so the earnings and payouts pages show something in
// dev. Safe to run again: it changes nothing that exists.
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import type { ServiceInput } from "../booking/services.ts";
import { updatePaymentSettings } from "../business-stripe/payment-settings.ts";
import { ensureInvitedFieldworker, ensureReadyAccount } from "./seed-connect-accounts.ts";
import { type DemoJob, ensurePaidJobs } from "./seed-connect-history.ts";
import {
  ensureCustomer,
  ensureServices,
  ensureStaff,
  type SeedDeps,
  type SeedLogin,
  type SeedResult,
} from "./seed-shared.ts";

export const CONNECT_DEMO = { slug: "demo-connect", name: "Demo Connect Crew" } as const;

/** Demo only: printed by npm run dev. Never used outside the local demo tenant. */
export const CONNECT_ADMIN = {
  role: "admin",
  email: "admin@demo-connect.test",
  password: "fieldpay-connect-2026",
  name: "Connie Connect",
} as const satisfies SeedLogin;

export const CONNECT_CUSTOMER = {
  role: "customer",
  email: "customer@demo-connect.test",
  password: "fieldpay-customer-2026",
  name: "Casey Customer",
} as const satisfies SeedLogin;

/** Obvious fakes that only stripe-mock accepts; saved (and sealed) like any business's keys. */
export const CONNECT_KEYS = {
  publishableKey: "pk_test_fieldpayConnectDemo",
  secretKey: "sk_test_fieldpayConnectDemo",
  webhookSecret: "whsec_fieldpayConnectDemo",
  connectWebhookSecret: "whsec_fieldpayCrewConnect",
} as const;

const CREW_PASSWORD = "fieldpay-crew-2026";

export const CONNECT_FIELDWORKERS: readonly {
  login: SeedLogin;
  stripeAccountId: string;
  idPrefix: string;
  jobs: readonly DemoJob[];
}[] = [
  {
    login: {
      role: "fieldworker",
      email: "sam@demo-connect.test",
      password: CREW_PASSWORD,
      name: "Sam Rivera",
    },
    stripeAccountId: "acct_demoFieldworker1",
    idPrefix: "demoConnectFw1",
    jobs: [
      { service: "Deep clean", paidDaysAgo: 45 },
      { service: "Window cleaning", paidDaysAgo: 24 },
      { service: "Gutter clearing", paidDaysAgo: 3 },
    ],
  },
  {
    login: {
      role: "fieldworker",
      email: "alex@demo-connect.test",
      password: CREW_PASSWORD,
      name: "Alex Kim",
    },
    stripeAccountId: "acct_demoFieldworker2",
    idPrefix: "demoConnectFw2",
    jobs: [
      { service: "Gutter clearing", paidDaysAgo: 38 },
      { service: "Deep clean", paidDaysAgo: 17 },
      { service: "Window cleaning", paidDaysAgo: 4 },
    ],
  },
];

const CONNECT_SERVICES: ServiceInput[] = [
  {
    name: "Deep clean",
    description: "Top-to-bottom clean, inside cupboards and appliances.",
    price: "150.00",
    durationMinutes: 180,
    active: true,
    paymentPlan: "deposit",
    depositKind: "percent",
    depositValue: "30",
  },
  {
    name: "Window cleaning",
    description: "Inside and out, frames and sills.",
    price: "89.99",
    durationMinutes: 90,
    active: true,
    paymentPlan: "authorize",
  },
  {
    name: "Gutter clearing",
    description: "Clear and flush gutters and downpipes.",
    price: "65.00",
    durationMinutes: 60,
    active: true,
    paymentPlan: "card_on_file",
  },
];

export async function seedConnectDemo(deps: SeedDeps): Promise<SeedResult> {
  const { db } = deps;
  const now = new Date();
  const tenant = await ensureTenant(db, CONNECT_DEMO);
  const admin = await ensureStaff(db, tenant, CONNECT_ADMIN);
  // Against stripe-mock only, as for the direct demo; with --real-stripe the admin enters real test keys.
  if (deps.stripeApiBase && !(await findPaymentSettings(db, tenant.id))) {
    await updatePaymentSettings(deps, tenant.id, {
      mode: "connect",
      ...CONNECT_KEYS,
      connectAccountType: "express",
      commissionPercent: "15",
      commissionFixed: "0",
      currency: "usd",
    });
  }
  await ensureServices(db, tenant.id, CONNECT_SERVICES);
  const customer = await ensureCustomer(db, tenant, CONNECT_CUSTOMER);
  const fieldworkers = [];
  for (const fw of CONNECT_FIELDWORKERS) {
    fieldworkers.push({
      ...fw,
      user: await ensureInvitedFieldworker(db, { tenant, invitedBy: admin, login: fw.login }),
    });
  }
  // Connected accounts and money only while the demo keys are the ones in use: fake account ids must never meet a
  // business whose admin switched it to real Stripe keys.
  const settings = await findPaymentSettings(db, tenant.id);
  if (deps.stripeApiBase && settings?.publishable_key === CONNECT_KEYS.publishableKey) {
    for (const fw of fieldworkers) {
      const account = await ensureReadyAccount(db, {
        tenantId: tenant.id,
        user: fw.user,
        stripeAccountId: fw.stripeAccountId,
        // As a fresh retrieve is stored (eventAt = now): any later event about the account still applies.
        onboardedAt: now,
      });
      await ensurePaidJobs(db, {
        settings,
        customer,
        fieldworker: fw.user,
        account,
        idPrefix: fw.idPrefix,
        jobs: fw.jobs,
        now,
      });
    }
  }
  return {
    tenant,
    logins: [CONNECT_ADMIN, ...CONNECT_FIELDWORKERS.map((fw) => fw.login), CONNECT_CUSTOMER],
  };
}
