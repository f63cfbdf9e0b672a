// Web: gzipped JS of the booking portal's first load and of the admin app's, as Chromium fetches them from a
// production build, and the portal's time to interactive (navigation start -> business name rendered).
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { createDb } from "@fieldpay/db/client";
import { ensureTenant } from "@fieldpay/db/repositories/tenants";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { freePort, repoRoot, startProcess, waitForHttp } from "./lib/processes.ts";
import { benchEnv, ms, percentile, publish, table } from "./lib/report.ts";

const RUNS = 7;
const PORTAL_TARGET_KB = 150;
const env = benchEnv();

const db = createDb({ url: env.databaseUrl, max: 2 });
await ensureTenant(db, { slug: "bench-portal", name: "Bench Plumbing" });
await db.destroy();

await build({ root: `${repoRoot}/apps/web`, logLevel: "silent" });
const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
const api = startProcess("node_modules/.bin/tsx", ["src/main.ts"], "apps/api", {
  DATABASE_URL: env.databaseUrl,
  STRIPE_API_BASE: env.stripeApiBase,
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  API_PORT: String(apiPort),
  WEB_ORIGIN: `http://localhost:${webPort}`,
});
const web = startProcess("node_modules/.bin/vite", ["preview", "--host", "localhost"], "apps/web", {
  API_URL: `http://127.0.0.1:${apiPort}`,
  WEB_PORT: String(webPort),
});
const browser = await chromium.launch({
  executablePath: env.chromiumPath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** Sum of gzipped JS bodies a first visit fetches (Stripe.js excluded: it is Stripe's, loaded from their CDN). */
async function firstLoadJs(page: Page, url: string) {
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    const u = response.url();
    if (u.startsWith(`http://localhost:${webPort}`) && /\.m?js(\?|$)/.test(u)) bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const all = await Promise.all(bodies);
  return {
    files: all.length,
    raw: all.reduce((n, b) => n + b.length, 0),
    gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}

try {
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${apiPort}/healthz`, api),
    waitForHttp(`http://localhost:${webPort}/`, web),
  ]);
  const portalUrl = `http://localhost:${webPort}/book/bench-portal`;
  const sizes = [];
  for (const [name, url] of [
    ["booking portal (/book/:slug)", portalUrl],
    ["admin app (/sign-in)", `http://localhost:${webPort}/sign-in`],
  ] as const) {
    const context = await browser.newContext();
    const size = await firstLoadJs(await context.newPage(), url);
    await context.close();
    sizes.push({
      page: name,
      "JS files": size.files,
      "raw KB": (size.raw / 1024).toFixed(1),
      "gzip KB": (size.gzip / 1024).toFixed(1),
    });
  }
  const tti: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(portalUrl);
    await page.getByText("Bench Plumbing").first().waitFor();
    tti.push(performance.now() - started);
    await context.close();
  }
  tti.sort((a, b) => a - b);
  const portalGzip = Number(sizes[0]?.["gzip KB"]);
  publish(
    "web",
    "Web: first-load JS and portal time to interactive",
    `${table(sizes)}\nTarget: portal < ${PORTAL_TARGET_KB} KB gzipped (Stripe.js excluded): **${portalGzip < PORTAL_TARGET_KB ? "met" : "missed"}** (${portalGzip} KB).\n\n` +
      table([
        {
          runs: RUNS,
          "TTI p50": ms(percentile(tti, 50)),
          "TTI min": ms(tti[0] ?? 0),
          "TTI max": ms(tti.at(-1) ?? 0),
        },
      ]) +
      "\nTTI: headless Chromium, cold context each run, navigation start until the business name (from a tRPC query) is on screen, production build served by `vite preview` on loopback.\n",
  );
} finally {
  await browser.close();
  await Promise.all([api.stop(), web.stop()]);
}
