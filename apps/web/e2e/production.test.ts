// What `npm run build` makes, run as `npm start` runs it: the bundles with plain `node` and NODE_ENV=production,
// the SPA served by the api on its own origin, and Chromium using it there (Secure session cookie included).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpBusiness } from "./flows.ts";
import { artifactsDir, launchChromium, repoRoot } from "./harness.ts";
import {
  type Build,
  buildInto,
  migrateWithBuild,
  type Started,
  startBuiltApi,
  startBuiltWorker,
} from "./production.ts";

const env = {} as { build: Build; db: TestDatabase; api: Started; worker: Started; browser: Browser };

beforeAll(async () => {
  [env.build, env.db, env.browser] = await Promise.all([buildInto(), createTestDatabase(), launchChromium()]);
  const deployment = { databaseUrl: env.db.url, encryptionKey: Buffer.alloc(32, 9).toString("base64") };
  env.worker = await startBuiltWorker(env.build, deployment);
  env.api = await startBuiltApi(env.build, deployment, { WEB_DIST_DIR: join(env.build.dir, "web") });
}, 180_000);
afterAll(async () => {
  await env.browser?.close();
  await Promise.all([env.api?.stop(), env.worker?.stop()]);
  await env.db?.drop();
  env.build?.remove();
});

describe("the production build", () => {
  it("migrates with the bundled CLI, and both bundles answer /healthz", async () => {
    // The test database is a clone of a migrated template: the CLI finds nothing left to do.
    expect(migrateWithBuild(env.build, env.db.url)).toMatch(/up to date/);
    for (const app of [env.api, env.worker]) {
      const health = (await (await fetch(`${app.url}/healthz`)).json()) as { ok: boolean };
      expect(health.ok, app.output()).toBe(true);
    }
  });

  it("serves the built SPA on the api's origin: index.html revalidated, hashed assets cached for good", async () => {
    const page = await fetch(`${env.api.url}/app/bookings`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const html = await page.text();
    expect(html).toBe(readFileSync(join(env.build.dir, "web", "index.html"), "utf8"));
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1] ?? "";
    const asset = await fetch(`${env.api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("holds React's production build, whatever NODE_ENV the build was started with (vitest's is test)", () => {
    const assets = join(env.build.dir, "web", "assets");
    const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(1);
    // One of React's development-only warnings: stripped from its production build.
    for (const name of scripts)
      expect(readFileSync(join(assets, name), "utf8")).not.toContain("Each child in a list");
  });

  it("a business signs up in Chromium on that one origin, with a Secure cookie, and deep links load", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await signUpBusiness(page, env.api.url, {
      name: "Prod Cleaning",
      slug: "prod-cleaning",
      admin: "Pat Prod",
      email: "pat@prod.test",
      password: "production password 1",
    });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome, Pat Prod");
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "fieldpay_session", secure: true, httpOnly: true, sameSite: "Lax" });
    // A route typed into the address bar is the SPA's index.html, and the session carries over.
    await page.goto(`${env.api.url}/app/customers`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Customers");
    await page.screenshot({ path: `${artifactsDir}/production-customers.png`, fullPage: true });
    await context.close();
  });
});

describe("npm start", () => {
  const npmStart = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["scripts/start.mjs"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });

  it("refuses to start without DATABASE_URL or APP_ENCRYPTION_KEY, saying there is no embedded PostgreSQL", () => {
    const noDatabase = npmStart({ APP_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") });
    expect(noDatabase.status).toBe(1);
    expect(noDatabase.stderr).toMatch(/^\[start\] DATABASE_URL is not set: npm start runs no PostgreSQL/);
    const noKey = npmStart({ DATABASE_URL: env.db.url });
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/^\[start\] APP_ENCRYPTION_KEY is not set: the 32-byte base64 key/);
  });
});

// No Docker engine where this was written: what can be checked without one is that the Dockerfile and compose.yaml
// name what the repository and the build really have.
describe("the Dockerfile and compose.yaml", () => {
  const dockerfile = readFileSync(join(repoRoot, "Dockerfile"), "utf8");
  const compose = readFileSync(join(repoRoot, "compose.yaml"), "utf8");
  const copies = [...dockerfile.matchAll(/^COPY (--from=\S+ )?(.+) (\S+)$/gm)].map((m) => ({
    from: m[1] ?? null,
    sources: (m[2] ?? "").split(" "),
    to: m[3] ?? "",
  }));

  it("copy every workspace package's manifest before installing, and only files that exist", () => {
    const workspace = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
    const globs = [...(workspace.split("catalog:")[0] ?? "").matchAll(/^ {2}- (\S+)$/gm)].map(
      (m) => m[1] ?? "",
    );
    const packages = globs.flatMap((glob) =>
      glob.endsWith("/*")
        ? readdirSync(join(repoRoot, glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`)
        : [glob],
    );
    const copied = copies.filter((c) => c.from === null).flatMap((c) => c.sources);
    for (const pkg of packages.filter((p) => existsSync(join(repoRoot, p, "package.json")))) {
      expect(copied).toContain(`${pkg}/package.json`);
    }
    for (const source of copied) expect(existsSync(join(repoRoot, source)), source).toBe(true);
  });

  it("run, from the runtime image, files the build makes", () => {
    // The runtime stage copies apps/<app>/dist to ./<app>: the same layout as the build's --out-dir folder.
    const runtime = copies.filter((c) => c.from === "--from=build ");
    expect(runtime.map((c) => [c.sources[0], c.to])).toEqual([
      ["/src/apps/api/dist", "./api"],
      ["/src/apps/worker/dist", "./worker"],
      ["/src/apps/web/dist", "./web"],
    ]);
    expect(dockerfile).toMatch(/^ENV WEB_DIST_DIR=\/app\/web /m);
    const scripts = [...`${dockerfile}\n${compose}`.matchAll(/\b(?:api|worker)\/[\w-]+\.mjs\b/g)].map(
      (m) => m[0],
    );
    expect(new Set(scripts)).toEqual(new Set(["api/main.mjs", "api/migrate.mjs", "worker/main.mjs"]));
    for (const script of scripts) expect(existsSync(join(env.build.dir, script)), script).toBe(true);
    expect(existsSync(join(env.build.dir, "web", "index.html"))).toBe(true);
  });
});
