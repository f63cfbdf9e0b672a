// API overhead: the customer's "pay this booking" procedure over HTTP (session, CSRF, zod, database reads and
// writes, one PaymentIntent create at stripe-mock) against the same Stripe call made directly, interleaved in one
// run so both see the same machine state. Reported as the ratio of the two latencies.
import { randomBytes } from "node:crypto";
import { createStripeClient } from "@fieldpay/payments/stripe-client";
import { Pool } from "undici";
import { freePort, startProcess, waitForHttp } from "./lib/processes.ts";
import { benchEnv, ms, percentile, publish, table } from "./lib/report.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
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
  const viaApi: number[] = [];
  const direct: number[] = [];
  const signedOut: number[] = [];
  const signedIn: number[] = [];
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < ROUNDS; i++) {
    const bookingId = await book();
    await timed(viaApi, () => mutate("bookings.pay", { bookingId }, customer.cookie));
    await timed(direct, () =>
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
    await timed(signedOut, () => me(""));
    await timed(signedIn, () => me(customer.cookie));
  }
  // The floor: a signed-in procedure that does nothing but the same Stripe call, round by round.
  const floor = signedIn.map((value, i) => value + (direct[i] ?? Number.NaN));
  for (const samples of [viaApi, direct, signedOut, signedIn, floor]) samples.sort((a, b) => a - b);
  const over = (samples: number[], p: number) => (percentile(samples, p) / percentile(direct, p)).toFixed(2);
  const row = (path: string, samples: number[]) => ({
    path,
    p50: ms(percentile(samples, 50)),
    p99: ms(percentile(samples, 99)),
  });
  const ratio = Number(over(viaApi, 50));
  const floorRatio = Number(over(floor, 50));
  publish(
    "api-overhead",
    "API overhead: paying a booking",
    table([
      row("bookings.pay over HTTP (tRPC + session + PostgreSQL + Stripe)", viaApi),
      row("stripe.paymentIntents.create directly", direct),
      { path: "**ratio**", p50: `**${over(viaApi, 50)}**`, p99: over(viaApi, 99) },
      row("auth.me over HTTP, signed out (HTTP + tRPC, nothing else)", signedOut),
      row("auth.me over HTTP, signed in (+ the session check)", signedIn),
      {
        path: "floor ratio: a signed-in procedure that only makes the Stripe call ((signed-in auth.me + direct) / direct)",
        p50: over(floor, 50),
        p99: over(floor, 99),
      },
    ]) +
      `\n${ROUNDS} rounds, the four calls interleaved in each, sequential, stripe-mock on loopback. Target ratio <= 1.3 at p50: **${ratio <= 1.3 ? "met" : "missed"}**. ` +
      `The floor row is what any signed-in tRPC procedure making this one Stripe call would reach here, with no database work of its own: ${floorRatio.toFixed(2)}. ` +
      `bookings.pay's own reads and writes add ${ms(percentile(viaApi, 50) - percentile(floor, 50))} at p50 on top of it.\n`,
  );
} finally {
  await client.close();
  await api.stop();
}
