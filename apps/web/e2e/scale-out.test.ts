// Scaling out: two api and two worker processes (the production bundles, started with plain node) on one
// PostgreSQL, as several machines behind a load balancer would run. Every request of a person goes to either api,
// the same webhook reaches both workers (Stripe retries, a load balancer spreads them), and at the end nothing is
// doubled or lost: one stored and once-applied row per event, one payment attempt per booking, one refund per
// refund request, one health report per request, and every booking in the state its events lead to.
import { randomBytes, randomUUID } from "node:crypto";
import type { AppRouter } from "@fieldpay/api/router";
import { savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import { secretBoxFromBase64 } from "@fieldpay/db/secret-box";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import { SECRET_KEY, signed, stripeEvent, WEBHOOK_SECRET } from "@fieldpay/worker/testing/worker-test-kit";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Build, buildInto, type Started, startBuiltApi, startBuiltWorker } from "./production.ts";

/** The public origin behind the load balancer: every api trusts it, every browser request carries it. */
const ORIGIN = "https://app.fieldpay.test";
const BUSINESSES = 4;
const CUSTOMERS_PER_BUSINESS = 2;

const env = {} as { build: Build; t: TestDatabase; apis: Started[]; workers: Started[]; key: string };

beforeAll(async () => {
  [env.build, env.t] = await Promise.all([buildInto({ serversOnly: true }), createTestDatabase()]);
  env.key = randomBytes(32).toString("base64");
  const deployment = { databaseUrl: env.t.url, encryptionKey: env.key };
  // Both workers install the job queue at once, as two machines starting together would.
  env.workers = await Promise.all([
    startBuiltWorker(env.build, deployment),
    startBuiltWorker(env.build, deployment),
  ]);
  const apiEnv = { WEB_ORIGIN: ORIGIN };
  env.apis = await Promise.all([
    startBuiltApi(env.build, deployment, apiEnv),
    startBuiltApi(env.build, deployment, apiEnv),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([...(env.apis ?? []), ...(env.workers ?? [])].map((p) => p.stop()));
  await env.t?.drop();
  env.build?.remove();
});

/** One person: a cookie jar, and a tRPC client on each api (what a load balancer without sticky sessions does). */
function person() {
  const jar = { cookie: "" };
  const on = (api: Started) =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${api.url}/trpc`,
          fetch: async (url, init) => {
            const headers = {
              ...(init?.headers as Record<string, string>),
              origin: ORIGIN,
              cookie: jar.cookie,
            };
            const res = await fetch(url, { ...init, headers } as RequestInit);
            const set = res.headers.get("set-cookie");
            if (set) jar.cookie = set.split(";")[0] ?? "";
            return res;
          },
        }),
      ],
    });
  return { a: on(env.apis[0]!), b: on(env.apis[1]!) };
}

async function business(index: number) {
  const admin = person();
  const slug = `scale-${index}-${randomUUID().slice(0, 6)}`;
  const signUp = { businessName: `Scale ${index}`, slug, name: "Ada", password: "scale out password" };
  await (index % 2 ? admin.a : admin.b).auth.signUpBusiness.mutate({ ...signUp, email: `ada@${slug}.test` });
  const tenant = await env.t.db
    .selectFrom("tenants")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  // Saved as the settings page saves it (sealed with the deployment's key), without asking Stripe for the keys.
  const box = secretBoxFromBase64(env.key);
  await savePaymentSettings(
    env.t.db,
    testPaymentSettings({
      tenant_id: tenant.id,
      mode: "direct",
      secret_key_sealed: box.seal(SECRET_KEY, tenant.id, "stripe_secret_key"),
      webhook_secret_sealed: box.seal(WEBHOOK_SECRET, tenant.id, "webhook_secret"),
    }),
  );
  // Signed in on one api, working on the other: sessions live in PostgreSQL.
  const service = await (index % 2 ? admin.b : admin.a).services.create.mutate({
    name: "Window clean",
    price: "60.00",
    durationMinutes: 60,
  });
  return { admin, slug, tenantId: tenant.id, serviceId: service.id };
}

/** Signs up, books and pays with a double click that lands on both apis at once; returns the booking id. */
async function customerPays(shop: Awaited<ReturnType<typeof business>>, index: number) {
  const customer = person();
  const email = `c${index}-${randomUUID().slice(0, 6)}@example.test`;
  await customer.a.auth.customerSignUp.mutate({
    tenantSlug: shop.slug,
    name: "Cam",
    email,
    password: "customer pw 12",
  });
  const startsAt = new Date(Date.now() + 86_400_000 * (index + 1));
  const { id } = await customer.b.bookings.create.mutate({ serviceId: shop.serviceId, startsAt });
  const pays = await Promise.all(
    [customer.a, customer.b].map((c) => c.bookings.pay.mutate({ bookingId: id })),
  );
  expect(pays.map((p) => p.attempt)).toEqual([1, 1]);
  return id;
}

/** The same signed event to both workers at once, then once more to one of them (Stripe's retry). */
async function deliverEverywhere(tenantId: string, event: ReturnType<typeof stripeEvent>, retryTo: number) {
  const send = (worker: Started) => {
    const { payload, header } = signed(event, WEBHOOK_SECRET);
    return fetch(`${worker.url}/webhooks/stripe/${tenantId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: payload,
    }).then(async (res) => ({ status: res.status, ...((await res.json()) as { duplicate: boolean }) }));
  };
  const first = await Promise.all(env.workers.map(send));
  const retry = await send(env.workers[retryTo % 2]!);
  return [...first, retry];
}

async function settled(what: string, done: () => Promise<boolean>) {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} did not settle within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const unprocessed = async () =>
  (await env.t.db.selectFrom("webhook_events").select("id").where("processed_at", "is", null).execute())
    .length;

describe("two apis and two workers on one PostgreSQL", () => {
  it("takes payments, refunds, webhooks and jobs through both, with nothing doubled or lost", async () => {
    const shops = await Promise.all(Array.from({ length: BUSINESSES }, (_, i) => business(i)));
    const bookings = await Promise.all(
      shops.flatMap((shop, s) =>
        Array.from({ length: CUSTOMERS_PER_BUSINESS }, async (_, c) => {
          const index = s * CUSTOMERS_PER_BUSINESS + c;
          return { shop, index, id: await customerPays(shop, index), refunded: index % 2 === 0 };
        }),
      ),
    );
    const payments = await env.t.db.selectFrom("payments").selectAll().execute();
    // One attempt per booking, however many times and wherever "Pay" was pressed.
    expect(payments.map((p) => [p.booking_id, p.attempt]).sort()).toEqual(
      bookings.map((b) => [b.id, 1]).sort(),
    );
    const paymentOf = (id: string) => payments.find((p) => p.booking_id === id)!;

    const deliveries = await Promise.all(
      bookings.map(({ shop, id, index }) => {
        const payment = paymentOf(id);
        const intent = {
          id: payment.payment_intent_id,
          object: "payment_intent",
          amount: payment.amount,
          currency: payment.currency,
          status: "succeeded",
          metadata: { booking_id: id },
        };
        return deliverEverywhere(shop.tenantId, stripeEvent("payment_intent.succeeded", intent), index);
      }),
    );
    await settled("the payments' events", async () => (await unprocessed()) === 0);

    // The admin's double click on "Refund" also lands on both apis: one request id, so both answer the same one
    // refund; a fresh request for more is refused, whichever api takes it.
    const refunds = await Promise.all(
      bookings
        .filter((b) => b.refunded)
        .map(async ({ shop, id }) => {
          const request = { bookingId: id, requestId: randomUUID() };
          const both = await Promise.all(
            [shop.admin.a, shop.admin.b].map((c) => c.bookings.refund.mutate(request)),
          );
          expect(both.map((r) => r.refundId)).toEqual([request.requestId, request.requestId]);
          const more = shop.admin.b.bookings.refund.mutate({
            bookingId: id,
            requestId: randomUUID(),
            amount: "1.00",
          });
          await expect(more).rejects.toThrow("This payment has already been refunded in full.");
          return id;
        }),
    );
    const refundRows = await env.t.db.selectFrom("refunds").selectAll().execute();
    for (const { shop, id, index } of bookings.filter((b) => b.refunded)) {
      const payment = paymentOf(id);
      const refund = refundRows.find((r) => r.payment_id === payment.id)!;
      const charge = {
        id: `ch_${index}`,
        object: "charge",
        payment_intent: payment.payment_intent_id,
        amount: payment.amount,
        amount_refunded: payment.amount,
        refunds: { object: "list", data: [{ id: refund.stripe_refund_id, status: "succeeded" }] },
      };
      deliveries.push(
        await deliverEverywhere(shop.tenantId, stripeEvent("charge.refunded", charge), index + 1),
      );
    }
    // A health check asked for on either api runs once, on whichever worker takes it.
    await Promise.all(
      shops.map((shop, i) => (i % 2 ? shop.admin.a : shop.admin.b).healthReports.runNow.mutate()),
    );
    const manualReports = () =>
      env.t.db.selectFrom("health_reports").select("tenant_id").where("trigger", "=", "manual").execute();
    const healthJobsLeft = async () =>
      (
        await sql<{
          id: string;
        }>`select id from graphile_worker.jobs where task_identifier = 'health_report'`.execute(env.t.db)
      ).rows.length;
    await settled(
      "the health checks",
      async () => (await manualReports()).length >= BUSINESSES && (await healthJobsLeft()) === 0,
    );
    await settled("the refunds' events", async () => (await unprocessed()) === 0);

    // Every delivery was taken (200), and each event was stored by exactly one of its three deliveries.
    for (const answers of deliveries) {
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    }
    const events = await env.t.db.selectFrom("webhook_events").selectAll().execute();
    expect(events).toHaveLength(bookings.length + refunds.length);
    // attempts counts committed applications: 1 means applied once, by one worker, with no failure.
    expect(events.map((e) => [e.attempts, e.last_error, e.processed_at !== null])).toEqual(
      events.map(() => [1, null, true]),
    );
    const finalBookings = await env.t.db.selectFrom("bookings").select(["id", "status"]).execute();
    const finalPayments = await env.t.db
      .selectFrom("payments")
      .select(["booking_id", "status", "amount_refunded"])
      .execute();
    for (const { id, refunded } of bookings) {
      expect(finalBookings.find((b) => b.id === id)?.status).toBe(refunded ? "refunded" : "paid");
      const payment = finalPayments.find((p) => p.booking_id === id);
      expect(payment).toMatchObject({ status: "succeeded", amount_refunded: refunded ? 6000 : 0 });
    }
    const refundsNow = await env.t.db.selectFrom("refunds").select(["payment_id", "status"]).execute();
    expect(refundsNow.map((r) => r.status)).toEqual(refunds.map(() => "succeeded"));
    expect(new Set(refundsNow.map((r) => r.payment_id)).size).toBe(refunds.length);
    expect((await manualReports()).map((r) => r.tenant_id).sort()).toEqual(
      shops.map((s) => s.tenantId).sort(),
    );
  });
});
