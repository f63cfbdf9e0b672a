// Payout delay scan: the worker's payout check over a business with many connected accounts, against
// stripe-mock through a counting proxy: the request rate achieved versus the key's rate limit, and total time.

import { randomBytes } from "node:crypto";
import { createDb } from "@fieldpay/db/client";
import { savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { insertTenant } from "@fieldpay/db/repositories/tenants";
import { createSecretBox } from "@fieldpay/db/secret-box";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import { STRIPE_REQUESTS_PER_SECOND } from "@fieldpay/payments/rate-limit";
import { checkPayouts } from "../apps/worker/src/jobs/check-payouts.ts";
import { startCountingProxy } from "./lib/counting-proxy.ts";
import { benchEnv, ms, publish, table } from "./lib/report.ts";

const env = benchEnv();
// stripe-mock accepts only test keys, so the scan runs at the test-mode budget (25/s): ~4 requests per account.
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2000);
const db = createDb({ url: env.databaseUrl, max: 4 });
const box = createSecretBox({ 1: randomBytes(32) }, 1);

async function business(mode: "test" | "live", accounts: number) {
  const tenant = await insertTenant(db, { slug: `scan-${mode}-${accounts}`, name: "Scan Co" });
  const key = `sk_${mode}_benchScan`;
  await savePaymentSettings(
    db,
    testPaymentSettings({
      tenant_id: tenant.id,
      publishable_key: `pk_${mode}_benchScan`,
      secret_key_sealed: box.seal(key, tenant.id, "stripe_secret_key"),
      secret_key_hint: `sk_${mode}_…`,
      key_mode: mode,
      stripe_account_id: "acct_benchPlatform",
      commission_bps: 1000,
    }),
  );
  for (let start = 0; start < accounts; start += 500) {
    const batch = Array.from({ length: Math.min(500, accounts - start) }, (_, k) => start + k);
    const users = await db
      .insertInto("users")
      .values(
        batch.map((i) => ({
          tenant_id: tenant.id,
          role: "fieldworker" as const,
          email: `fw${i}@${mode}.scan.test`,
          name: `Worker ${i}`,
          password_hash: null,
        })),
      )
      .returning("id")
      .execute();
    await db
      .insertInto("fieldworker_accounts")
      .values(
        users.map((u, k) => ({
          user_id: u.id,
          tenant_id: tenant.id,
          stripe_account_id: `acct_scan${mode}${start + k}`,
          account_type: "express" as const,
          status: "active" as const,
          requirements: "{}",
          capabilities: "{}",
        })),
      )
      .execute();
  }
  return tenant.id;
}

const rows = [];
for (const [mode, accounts] of [["test", ACCOUNTS]] as const) {
  const tenantId = await business(mode, accounts);
  const proxy = await startCountingProxy(env.stripeApiBase);
  const started = performance.now();
  const summary = await checkPayouts(
    {
      db,
      secretBox: box,
      stripeApiBase: proxy.url,
      now: () => new Date(),
      webOrigin: "http://localhost:5173",
    },
    { tenantId, trigger: "manual" },
  );
  const seconds = (performance.now() - started) / 1000;
  await proxy.close();
  const limit = STRIPE_REQUESTS_PER_SECOND[mode];
  const rate = proxy.arrivals.length / seconds;
  rows.push({
    "key mode": mode,
    "accounts (+ business)": accounts,
    "Stripe requests": proxy.arrivals.length,
    "total time": ms(seconds * 1000),
    "requests/s": rate.toFixed(1),
    "limit/s": limit,
    "% of limit": `${((rate / limit) * 100).toFixed(1)}%`,
    "busiest 1 s window": proxy.busiestSecond(),
    "accounts checked": summary?.accountsChecked ?? 0,
    findings: summary?.findings ?? 0,
  });
}
await db.destroy();
publish(
  "payout-scan",
  "Payout delay scan",
  `${table(rows)}\nThe worker's payout check (account, payouts, balance, balance transactions per account; 4 accounts at a time) against stripe-mock through a counting proxy. Target: >= 90% of the key's limit on average, and never above it in any one-second window.\n`,
);
