// After-job charges: 2,000 deposit-plan bookings (card saved) marked done at once, each a charge_after_job job,
// charged off-session by the real worker process against stripe-mock through the counting proxy. Measured: the
// Stripe requests per second against the key's limit (25/s with a test key), on average and in the busiest
// one-second window. The second run SIGKILLs the worker halfway and starts it again: no booking may be charged
// twice (more than one idempotency key among its PaymentIntent creates) and none left uncharged.
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "@fieldpay/db/client";
import { savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { insertTenant } from "@fieldpay/db/repositories/tenants";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import { STRIPE_REQUESTS_PER_SECOND } from "@fieldpay/payments/rate-limit";
import { sql } from "kysely";
import { startCountingProxy } from "./lib/counting-proxy.ts";
import { freePort, type Started, startProcess, waitForHttp } from "./lib/processes.ts";
import { benchEnv, publish, table } from "./lib/report.ts";

const BOOKINGS = Number(process.env.BENCH_AFTER_JOB_BOOKINGS ?? 2_000);
const LIMIT = STRIPE_REQUESTS_PER_SECOND.test;
const env = benchEnv();
const encryptionKey = randomBytes(32).toString("base64");
const box = secretBoxFromBase64(encryptionKey);

/** A Connect business (destination charges, 10%) and its deposit-plan bookings, done, deposit paid, card kept. */
async function seed(db: Db, slug: string): Promise<string> {
  const tenant = await insertTenant(db, { slug, name: `Bench ${slug}` });
  await savePaymentSettings(
    db,
    testPaymentSettings({
      tenant_id: tenant.id,
      mode: "connect",
      publishable_key: "pk_test_bench",
      secret_key_sealed: box.seal("sk_test_bench", tenant.id, "stripe_secret_key"),
      secret_key_hint: "sk_test_…",
      stripe_account_id: "acct_bench",
      commission_bps: 1000,
    }),
  );
  await sql`
    with customer as (
      insert into users (tenant_id, role, email, name) values (${tenant.id}, 'customer', ${`${slug}@bench.test`}, 'Bench Customer')
      returning id),
    service as (
      insert into services (tenant_id, name, duration_minutes, price_amount, currency)
      values (${tenant.id}, 'Deep clean', 120, 10000, 'usd') returning id),
    booked as (
      insert into bookings (tenant_id, customer_id, service_id, starts_at, amount, currency, status, payment_plan,
        deposit_amount, agreed_fee_bps, card_customer_id, card_payment_method_id)
      select ${tenant.id}, customer.id, service.id, now(), 10000, 'usd', 'deposit_paid', 'deposit', 3000, 1000,
        'cus_bench' || n, 'pm_bench' || n
      from customer, service, generate_series(1, ${BOOKINGS}) n
      returning id)
    insert into payments (tenant_id, booking_id, attempt, payment_intent_id, status, amount, currency, charge_type,
      fieldworker_account_id, application_fee_amount, fieldworker_net_amount, purpose)
    select ${tenant.id}, id, 1, 'pi_dep' || replace(id::text, '-', ''), 'succeeded', 3000, 'usd', 'destination',
      'acct_fwbench', 300, 2700, 'deposit'
    from booked`.execute(db);
  return tenant.id;
}

/** Every job marked done in one statement, each with its charge_after_job job, as bookings.markDone does. */
async function markAllDone(db: Db, tenantId: string) {
  await sql`
    with done as (
      update bookings set done_at = now(), final_amount = amount where tenant_id = ${tenantId} returning id)
    select graphile_worker.add_job('charge_after_job', json_build_object('tenantId', ${tenantId}::text, 'bookingId', id),
      job_key => 'after_job:' || id)
    from done`.execute(db);
}

const pending = async (db: Db, tenantId: string) =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from bookings b where b.tenant_id = ${tenantId}
        and not exists (select 1 from payments p where p.booking_id = b.id and p.purpose = 'balance'
          and p.payment_intent_id is not null)`.execute(db)
    ).rows[0]?.n,
  );

async function scenario(name: string, chaos: boolean) {
  const db = createDb({ url: env.databaseUrl, max: 3, onIdleError: () => {} });
  const tenantId = await seed(db, `after-job-${chaos ? "chaos" : "clean"}`);
  const proxy = await startCountingProxy(env.stripeApiBase);
  const port = await freePort();
  const startWorker = () =>
    startProcess(process.execPath, ["--import", "tsx", "src/main.ts"], "apps/worker", {
      DATABASE_URL: env.databaseUrl,
      STRIPE_API_BASE: proxy.url,
      APP_ENCRYPTION_KEY: encryptionKey,
      WORKER_PORT: String(port),
      WORKER_CONCURRENCY: "8",
      NODE_ENV: "production",
    });
  let worker: Started = startWorker();
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, worker);
  await markAllDone(db, tenantId);
  const creates = () => proxy.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents");
  let killed = false;
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline && (await pending(db, tenantId)) > 0) {
    if (chaos && !killed && creates().length >= BOOKINGS / 2) {
      killed = true;
      await worker.stop("SIGKILL");
      worker = startWorker();
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, worker);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const left = await pending(db, tenantId);
  await worker.stop();
  await proxy.close();
  await db.destroy();
  return { name, ...measure(proxy.requests, proxy.busiestSecond(), left) };
}

function measure(
  requests: { at: number; idempotencyKey: string | null; path: string }[],
  busiest: number,
  left: number,
) {
  const first = requests[0]?.at ?? 0;
  const last = requests.at(-1)?.at ?? first;
  const seconds = Math.max((last - first) / 1000, 1e-9);
  const rate = requests.length / seconds;
  // The SIGKILL run stands still between the kill and the restarted worker's first request: its rate while a
  // worker was charging leaves out the gaps (over a second) with no request at all.
  let idle = 0;
  for (let i = 1; i < requests.length; i++) {
    const gap = (requests[i]?.at ?? 0) - (requests[i - 1]?.at ?? 0);
    if (gap > 1000) idle += gap;
  }
  const activeRate = requests.length / Math.max((last - first - idle) / 1000, 1e-9);
  // Keys look like fieldpay:payment_intent:create:<tenant>:<booking>:<attempt>: distinct keys per booking.
  const keysByBooking = new Map<string, Set<string>>();
  let creates = 0;
  for (const r of requests) {
    if (r.path !== "/v1/payment_intents" || r.idempotencyKey === null) continue;
    creates += 1;
    const booking = r.idempotencyKey.split(":")[4] ?? "";
    const keys = keysByBooking.get(booking) ?? new Set<string>();
    keys.add(r.idempotencyKey);
    keysByBooking.set(booking, keys);
  }
  const twice = [...keysByBooking.values()].filter((keys) => keys.size > 1).length;
  return {
    requests: requests.length,
    "PaymentIntent creates": creates,
    "bookings charged": keysByBooking.size,
    seconds: seconds.toFixed(1),
    "requests/s": rate.toFixed(1),
    "of the limit (25/s)": `${((rate / LIMIT) * 100).toFixed(1)}%`,
    "of the limit while charging": `${((activeRate / LIMIT) * 100).toFixed(1)}%`,
    "busiest 1 s window": `${busiest}/${LIMIT}`,
    "charged twice": twice,
    "left uncharged": left,
  };
}

const rows = [await scenario("clean", false), await scenario("worker SIGKILLed halfway, restarted", true)];
const [clean] = rows;
publish(
  "after-job-charges",
  "After-job charges",
  `${table(rows.map(({ name, ...row }) => ({ run: name, ...row })))}\n` +
    `${BOOKINGS} deposit-plan bookings (Connect, destination charges, card saved at booking) marked done in one statement, each with its charge_after_job job; ` +
    "one real worker process (WORKER_CONCURRENCY=8) charges the balances off-session against stripe-mock through the counting proxy, every Stripe call through the business's one limiter (test key: 25 requests/s). " +
    "Requests/s is every request the proxy saw, from the first to the last (\"while charging\" leaves out gaps over a second with no request: the SIGKILL run's restart, and the ~10-20 s before the dead worker's jobs are freed); the busiest window is the most requests in any one second (sliding). " +
    '"Charged twice" counts bookings whose PaymentIntent creates carried more than one idempotency key (the same key again is Stripe replaying its first answer, not a second charge); ' +
    '"left uncharged" counts bookings with no balance PaymentIntent recorded when the run ended. ' +
    `Targets: >= 90% of the limit on average, never above it in any one second, 0 charged twice, 0 left uncharged. Clean run: ${clean?.["of the limit (25/s)"]}.\n`,
);
