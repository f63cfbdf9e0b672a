// API overhead: the customer's "pay this booking" procedure over HTTP (session, CSRF, zod, database reads and
// writes, one PaymentIntent create at stripe-mock) against the same Stripe call made directly, interleaved in one
// run so both see the same machine state. Reported as pay's own work over the floor any signed-in procedure making
// that call reaches. Two pieces of machinery are measured against what they replace, so each is kept only while it
// pays: the api's own tRPC handler (trpc-http.ts) against tRPC's standalone adapter serving the same router, and
// runPrepared's named statements against the same statements sent unnamed.
import { randomBytes } from "node:crypto";
import { createStripeClient } from "@fieldpay/payments/stripe-client";
import { Pool } from "undici";
import { measurePrepared } from "./lib/prepared-ab.ts";
import { freePort, startProcess, waitForHttp } from "./lib/processes.ts";
import { benchEnv, ms, percentile, publish, table } from "./lib/report.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const RUNS = Number(process.env.BENCH_API_RUNS ?? 3);
const env = benchEnv();
const [port, standalonePort] = await Promise.all([freePort(), freePort()]);
const origin = "http://localhost:5173";
const apiEnv = {
  DATABASE_URL: env.databaseUrl,
  STRIPE_API_BASE: env.stripeApiBase,
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  WEB_ORIGIN: origin,
};
const api = startProcess("node_modules/.bin/tsx", ["src/main.ts"], "apps/api", {
  ...apiEnv,
  API_PORT: String(port),
});
const standalone = startProcess("node_modules/.bin/tsx", ["lib/standalone-api.ts"], "bench", {
  ...apiEnv,
  API_PORT: String(standalonePort),
});

// A keep-alive connection through a lean client, like the Stripe SDK's own keep-alive agent on the direct side:
// global fetch costs about a millisecond more per request on this machine, which is the client, not the api.
const client = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
const standaloneClient = new Pool(`http://127.0.0.1:${standalonePort}`, { connections: 1 });

/** One tRPC mutation over HTTP as the browser sends it; returns the data and any session cookie set. */
async function mutate(
  path: string,
  input: unknown,
  cookie = "",
  via: Pool = client,
): Promise<{ data: Record<string, unknown>; cookie: string }> {
  const res = await via.request({
    path: `/trpc/${path}`,
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify(input),
  });
  const body = (await res.body.json()) as {
    result?: { data: Record<string, unknown> };
    error?: { message: string };
  };
  if (!body.result) throw new Error(`${path} failed: ${body.error?.message ?? res.statusCode}`);
  const setCookie = res.headers["set-cookie"];
  const set = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(";")[0];
  return { data: body.result.data, cookie: set ?? cookie };
}

try {
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, api);
  await waitForHttp(`http://127.0.0.1:${standalonePort}/healthz`, standalone);
  const admin = await mutate("auth.signUpBusiness", {
    businessName: "Bench Cleaning",
    slug: "bench-api",
    name: "Admin",
    email: "admin@bench-api.test",
    password: "bench password 1",
  });
  await mutate(
    "paymentSettings.update",
    {
      mode: "direct",
      publishableKey: "pk_test_bench",
      secretKey: "sk_test_bench",
      connectAccountType: "express",
      currency: "usd",
    },
    admin.cookie,
  );
  const service = await mutate(
    "services.create",
    { name: "Deep clean", price: "90.00", durationMinutes: 120 },
    admin.cookie,
  );
  const customer = await mutate("auth.customerSignUp", {
    tenantSlug: "bench-api",
    name: "Casey",
    email: "casey@bench.test",
    password: "bench password 2",
  });
  const book = async () =>
    String(
      (
        await mutate(
          "bookings.create",
          { serviceId: service.data.id, startsAt: new Date(Date.now() + 86_400_000).toISOString() },
          customer.cookie,
        )
      ).data.id,
    );
  await mutate("bookings.pay", { bookingId: await book() }, customer.cookie); // warm-up: creates the Stripe customer

  const stripe = createStripeClient({ secretKey: "sk_test_bench", apiBase: env.stripeApiBase });
  /** The cheapest tRPC call there is: `auth.me` reads nothing but the session, if there is a cookie. */
  const me = async (cookie: string, via: Pool = client) => {
    const res = await via.request({ path: "/trpc/auth.me", method: "GET", headers: { origin, cookie } });
    await res.body.json();
  };
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    into.push(performance.now() - t0);
  };

  /** One run: ROUNDS rounds of the four calls, interleaved, sequential. */
  async function measure() {
    const samples = {
      viaApi: [] as number[],
      direct: [] as number[],
      signedOut: [] as number[],
      signedIn: [] as number[],
      adapterSignedIn: [] as number[],
      adapterPay: [] as number[],
    };
    for (let i = 0; i < ROUNDS; i++) {
      const bookingId = await book();
      await timed(samples.viaApi, () => mutate("bookings.pay", { bookingId }, customer.cookie));
      await timed(samples.direct, () =>
        stripe.paymentIntents.create(
          {
            amount: 9000,
            currency: "usd",
            customer: "cus_bench",
            automatic_payment_methods: { enabled: true, allow_redirects: "never" },
            metadata: { booking_id: bookingId },
          },
          { idempotencyKey: `bench:${bookingId}` },
        ),
      );
      await timed(samples.signedOut, () => me(""));
      await timed(samples.signedIn, () => me(customer.cookie));
      await timed(samples.adapterSignedIn, () => me(customer.cookie, standaloneClient));
      const other = await book();
      await timed(samples.adapterPay, () =>
        mutate("bookings.pay", { bookingId: other }, customer.cookie, standaloneClient),
      );
    }
    // The floor: a signed-in procedure that does nothing but the same Stripe call, round by round.
    const floor = samples.signedIn.map((value, i) => value + (samples.direct[i] ?? Number.NaN));
    const sorted = { ...samples, floor };
    for (const list of Object.values(sorted)) list.sort((a, b) => a - b);
    return sorted;
  }

  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measure());
  const p50 = (list: number[]) => percentile(list, 50);
  const ratio = (run: (typeof runs)[number], p: number) =>
    percentile(run.viaApi, p) / percentile(run.direct, p);
  const floorRatio = (run: (typeof runs)[number]) => p50(run.floor) / p50(run.direct);
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const ownWork = (run: (typeof runs)[number]) => p50(run.viaApi) - p50(run.floor);
  const adapterCost = (run: (typeof runs)[number]) => p50(run.adapterSignedIn) - p50(run.signedIn);
  const ownWorkMedian = median(runs.map(ownWork));
  const adapterMedian = median(runs.map(adapterCost));
  const prepared = await measurePrepared(env.databaseUrl, customer.cookie, Math.max(ROUNDS * 4, 400));
  publish(
    "api-overhead",
    "API overhead: paying a booking",
    table(
      runs.map((run, i) => ({
        run: `${i + 1} of ${RUNS}`,
        "bookings.pay p50 / p99": `${ms(p50(run.viaApi))} / ${ms(percentile(run.viaApi, 99))}`,
        "Stripe call directly p50 / p99": `${ms(p50(run.direct))} / ${ms(percentile(run.direct, 99))}`,
        "**ratio** p50 / p99": `**${ratio(run, 50).toFixed(2)}** / ${ratio(run, 99).toFixed(2)}`,
        "auth.me signed out / signed in, p50": `${ms(p50(run.signedOut))} / ${ms(p50(run.signedIn))}`,
        "floor ratio p50": floorRatio(run).toFixed(2),
        "**pay's own work** p50": `**${ms(ownWork(run))}**`,
        "tRPC standalone adapter: auth.me / bookings.pay p50": `${ms(p50(run.adapterSignedIn))} / ${ms(p50(run.adapterPay))}`,
        "adapter − own handler, auth.me p50": `${(adapterCost(run) * 1000).toFixed(0)} µs`,
      })),
    ) +
      `\nEach run: ${ROUNDS} rounds of four calls, interleaved, sequential, stripe-mock on loopback: bookings.pay over HTTP (tRPC + session + PostgreSQL + Stripe); the same PaymentIntent create made directly with the Stripe SDK; auth.me over HTTP signed out (HTTP + tRPC, nothing else) and signed in (+ the session check). ` +
      `The floor ratio is (signed-in auth.me + the direct call) / the direct call, round by round: what any signed-in tRPC procedure making this one Stripe call would reach here with no database work of its own. "Pay's own work" is bookings.pay minus that floor. ` +
      `Target: pay's own work <= 2.5 ms at p50: **${ownWorkMedian <= 2.5 ? "met" : "missed"}** (median of the runs ${ms(ownWorkMedian)}). The old target, a ratio <= 1.3 against the bare Stripe call, is retired: against stripe-mock's ~1.3 ms the signed-in floor alone is about 2x, and against real Stripe (hundreds of ms) the overhead is noise.\n\n` +
      `**The api's own tRPC handler** (apps/api/src/trpc-http.ts) against tRPC's standalone adapter serving the same router and context (bench/lib/standalone-api.ts), same rounds: the adapter costs ${(adapterMedian * 1000).toFixed(0)} µs more per signed-in auth.me at p50 (median of the runs); kept only above 300 µs: **${adapterMedian > 0.3 ? "keep" : "retire"}**.\n\n` +
      `**runPrepared** (named prepared statements) against the same session check sent unnamed, ${prepared.rounds} interleaved rounds on one connection each: ${prepared.summary}\n`,
  );
} finally {
  await Promise.all([client.close(), standaloneClient.close()]);
  await Promise.all([api.stop(), standalone.stop()]);
}
