// The real Vite dev server (apps/web's config), over real HTTP and in Chromium: `.data/` (PostgreSQL's WAL holds
// freshly emailed invitation and reset links), env files and the other apps' sources stay off the port, a write
// under `.data/` reloads no open tab, and the SPA itself still loads.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, launchChromium, repoRoot, startChild, waitFor } from "./harness.ts";

const tag = randomBytes(6).toString("hex");
const probeDir = join(repoRoot, ".data", `dev-server-probe-${tag}`);
const dataProbe = join(probeDir, "secret.txt");
const envProbes = [
  join(repoRoot, `.env.dev-server-probe-${tag}`),
  join(repoRoot, "apps/web", `.env.probe-${tag}`),
];
const controlHtml = join(repoRoot, "apps/web", `dev-server-probe-${tag}.html`);
const apiSource = join(repoRoot, "apps/api/src/env.ts");
// packages/payments is refused but for the money modules the browser shares (src/money).
const paymentsSources = ["src/webhooks.ts", "src/testing/recording-proxy.ts", "package.json"].map((file) =>
  join(repoRoot, "packages/payments", file),
);

/** Vite alone: what it serves and watches does not depend on the api, so its proxy points at a closed port. */
async function startDevServer() {
  const [port, closedPort] = await Promise.all([freePort(), freePort()]);
  const vite = startChild("node_modules/.bin/vite", ["--host", "localhost"], join(repoRoot, "apps/web"), {
    API_URL: `http://127.0.0.1:${closedPort}`,
    WEB_PORT: String(port),
  });
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (vite.child.exitCode !== null || vite.child.signalCode !== null) return resolve();
      vite.child.once("exit", () => resolve());
      vite.child.kill("SIGTERM");
    });
  try {
    await waitFor(url, vite.child, "vite", vite.output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: vite.output, stop };
}

/** `/@fs/` in the three forms that reach a file: as is, raw text, and as a JS module (`export default "…"`). */
const fsUrls = (file: string) => ["", "?raw", "?import&raw"].map((query) => `/@fs${file}${query}`);

/** Every module the SPA's HTML reaches (static and lazy imports), fetched as the browser would. */
async function crawlApp(baseUrl: string, html: string): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  const importRe = /(?:\bfrom|\bimport)\s*\(?\s*"(\/[^"]+)"/g;
  const srcRe = /<script type="module" src="(\/[^"]+)"/g;
  let frontier = [...html.matchAll(srcRe), ...html.matchAll(importRe)].map((m) => m[1]!);
  while (frontier.length > 0 && statuses.size < 1000) {
    const next = new Set<string>();
    await Promise.all(
      [...new Set(frontier)].map(async (path) => {
        if (statuses.has(path)) return;
        statuses.set(path, 0);
        const response = await fetch(baseUrl + path);
        statuses.set(path, response.status);
        for (const m of (await response.text()).matchAll(importRe)) next.add(m[1]!);
      }),
    );
    frontier = [...next].filter((path) => !statuses.has(path));
  }
  return statuses;
}

/** The HMR messages the page's own Vite client receives, and a way to tell whether the page was reloaded. */
async function openWatchedTab(browser: Browser, url: string) {
  const page = await browser.newPage();
  const messages: { type?: string; path?: string }[] = [];
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => messages.push(JSON.parse(String(payload)))),
  );
  await page.goto(`${url}/sign-in`, { waitUntil: "networkidle" });
  // Dependency optimisation may reload a fresh page once; the probe starts after that has settled.
  await page.waitForTimeout(500);
  await page.waitForLoadState("networkidle");
  return { page, messages };
}

const isReload = (message: { type?: string }) => message.type === "full-reload" || message.type === "update";
const markPage = (page: Page, mark: string) =>
  page.evaluate((value) => document.documentElement.setAttribute("data-probe", value), mark);
const pageMark = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-probe"));

describe("the web dev server", () => {
  let server: Awaited<ReturnType<typeof startDevServer>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(dataProbe, `wal-like secret ${tag}\n`);
    for (const file of envProbes) writeFileSync(file, `APP_ENCRYPTION_KEY=probe-${tag}\n`);
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(probeDir, { recursive: true, force: true });
    for (const file of [...envProbes, controlHtml]) rmSync(file, { force: true });
  });

  it("refuses .data/, env files, the api's and packages/payments' sources over /@fs/, in every form", async () => {
    const leaks: string[] = [];
    for (const file of [dataProbe, ...envProbes, apiSource, ...paymentsSources]) {
      const content = readFileSync(file, "utf8");
      for (const path of fsUrls(file)) {
        const response = await fetch(server.url + path);
        const body = await response.text();
        const shown = body.includes(content) || body.includes(JSON.stringify(content).slice(1, -1));
        if (![403, 404].includes(response.status) || shown) {
          leaks.push(`${path} answered ${response.status}${shown ? " with the file's content" : ""}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it("still serves the SPA: its HTML, every module it imports, the @fieldpay/ui and shared money sources and dependencies", async () => {
    const response = await fetch(`${server.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<div id="root">');
    expect(html).toContain("/src/main.tsx");

    const statuses = await crawlApp(server.url, html);
    const failed = [...statuses].filter(([, status]) => status !== 200);
    expect(failed, "modules the SPA imports that the dev server did not serve").toEqual([]);
    const paths = [...statuses.keys()];
    // The whole app, lazy pages included, not a page or two.
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toContain("/src/app.tsx");
    expect(paths.some((p) => p.startsWith(`/@fs${join(repoRoot, "packages/ui/src")}/`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`/@fs${join(repoRoot, "packages/payments/src/money")}/`))).toBe(
      true,
    );
    expect(paths.some((p) => p.startsWith(`/@fs${join(repoRoot, "node_modules/.pnpm")}/`))).toBe(true);
    expect(paths.some((p) => p.startsWith("/node_modules/.vite/deps/"))).toBe(true);
  });

  it("reloads no open tab when files under .data/ change, even one requested as a module", async () => {
    const { page, messages } = await openWatchedTab(browser, server.url);
    await markPage(page, tag);
    const before = messages.length;

    // Loaded as a module, a file joins Vite's module graph and watcher: a WAL segment so loaded reloaded every
    // tab on each database write. Refused now, it must stay unwatched whatever the answer.
    await fetch(`${server.url}/@fs${dataProbe}?import&raw`);
    writeFileSync(dataProbe, `rewritten ${tag}\n`);
    writeFileSync(join(probeDir, "000000010000000000000001"), "a new segment");
    await page.waitForTimeout(1500);

    expect(messages.slice(before).filter(isReload)).toEqual([]);
    expect(await pageMark(page), "the page was reloaded").toBe(tag);
    await page.close();
  });

  it("control: the same tab does hear a reload Vite sends for a file it watches (a new .html in apps/web)", async () => {
    const { page, messages } = await openWatchedTab(browser, server.url);
    const before = messages.length;
    const htmlPath = `/dev-server-probe-${tag}.html`;
    try {
      writeFileSync(controlHtml, "<!doctype html><title>probe</title>\n");
      // Vite sends a reload for that one page; this tab is on /sign-in, so it hears it and stays.
      await expect
        .poll(() => messages.slice(before).some((m) => isReload(m) && m.path === htmlPath), {
          timeout: 10_000,
        })
        .toBe(true);
    } finally {
      rmSync(controlHtml, { force: true });
      await page.close();
    }
  });
});
