// API overhead: the customer's "pay this booking" procedure over HTTP (session, CSRF, zod, database reads and
// writes, one PaymentIntent create at stripe-mock) against the same Stripe call made directly, interleaved in one
// run so both see the same machine state. Reported as the ratio of the two latencies.
import { randomBytes } from "node:crypto";
import { createStripeClient } from "@fieldpay/payments/stripe-client";
import { Pool } from "undici";
import { freePort, startProcess, waitForHttp } from "./lib/processes.ts";
import { benchEnv, ms, percentile, publish, table } from "./lib/report.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const RUNS = Number(process.env.BENCH_API_RUNS ?? 3);
const env = benchEnv();
const port = await freePort();
const origin = "http://localhost:5173";
const api = startProcess("node_modules/.bin/tsx", ["src/main.ts"], "apps/api", {
  DATABASE_URL: env.databaseUrl,
  STRIPE_API_BASE: env.stripeApiBase,
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  API_PORT: String(port),
  WEB_ORIGIN: origin,
});

// A keep-alive connection through a lean client, like the Stripe SDK's own keep-alive agent on the direct side:
// global fetch costs about a millisecond more per request on this machine, which is the client, not the api.
const client = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });

/** One tRPC mutation over HTTP as the browser sends it; returns the data and any session cookie set. */
async function mutate(
  path: string,
  input: unknown,
  cookie = "",
): Promise<{ data: Record<string, unknown>; cookie: string }> {
  const res = await client.request({
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
  const me = async (cookie: string) => {
    const res = await client.request({ path: "/trpc/auth.me", method: "GET", headers: { origin, cookie } });
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
  const ratioMedian = median(runs.map((run) => ratio(run, 50)));
  const floorMedian = median(runs.map(floorRatio));
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
        "pay's own work p50": ms(p50(run.viaApi) - p50(run.floor)),
      })),
    ) +
      `\nEach run: ${ROUNDS} rounds of four calls, interleaved, sequential, stripe-mock on loopback: bookings.pay over HTTP (tRPC + session + PostgreSQL + Stripe); the same PaymentIntent create made directly with the Stripe SDK; auth.me over HTTP signed out (HTTP + tRPC, nothing else) and signed in (+ the session check). ` +
      `The floor ratio is (signed-in auth.me + the direct call) / the direct call, round by round: what any signed-in tRPC procedure making this one Stripe call would reach here with no database work of its own. "Pay's own work" is bookings.pay minus that floor. ` +
      `Target ratio <= 1.3 at p50: **${ratioMedian <= 1.3 ? "met" : "missed"}** (median of the runs ${ratioMedian.toFixed(2)}, against a floor of ${floorMedian.toFixed(2)}).\n`,
  );
} finally {
  await client.close();
  await api.stop();
}
