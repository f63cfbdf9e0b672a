// The api serving a built SPA (production): files, the index.html fallback for routes, cache headers, and nothing
// outside the build, however the path is spelled.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "./server.ts";
import { testDeps } from "./testing/harness.ts";
import { createWebFiles } from "./web-files.ts";

const INDEX =
  '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
let t: TestDatabase;
let base: string;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  base = mkdtempSync(join(tmpdir(), "fieldpay-web-"));
  const dist = join(base, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), INDEX);
  writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log('app')");
  writeFileSync(join(dist, "favicon.svg"), "<svg/>");
  writeFileSync(join(dist, ".env"), "SECRET=1");
  writeFileSync(join(base, "secret.txt"), "outside the build");
  symlinkSync(join(base, "secret.txt"), join(dist, "assets", "escape.txt"));
  const server = createApiServer(testDeps(t.db), { web: await createWebFiles(dist) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  rmSync(base, { recursive: true, force: true });
  await t.drop();
});

/** A GET with the path sent exactly as written (fetch would normalise ../ away before sending). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the built SPA on the api's origin", () => {
  it("serves index.html for / and for the SPA's routes, revalidated on every load", async () => {
    for (const path of ["/", "/book/demo", "/app/bookings/123", "/sign-in?next=%2Fapp"]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.text()).toBe(INDEX);
    }
  });

  it("caches Vite's hashed assets for a year and answers a repeat visit with 304", async () => {
    const res = await fetch(`${url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe("console.log('app')");
    const again = await fetch(`${url}/`, {
      headers: { "if-none-match": (await fetch(url)).headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
    const favicon = await fetch(`${url}/favicon.svg`, { method: "HEAD" });
    expect([favicon.status, favicon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
  });

  it("answers a missing file with 404, not the page (a stale tab's old chunk fails cleanly)", async () => {
    for (const path of ["/assets/index-old999.js", "/robots.txt", "/assets/"]) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(404);
    }
  });

  it.each([
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets%2f..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/assets/escape.txt",
    "/.env",
    "/%2eenv",
    "/index.html%00.js",
  ])("never serves anything outside the build or a dotfile (%s)", async (path) => {
    const res = await rawGet(path);
    expect(res.body).not.toContain("outside the build");
    expect(res.body).not.toContain("SECRET");
    // Normalised paths that land inside the build are the SPA's routes; everything else is refused.
    expect([200, 404]).toContain(res.status);
    if (res.status === 200) expect(res.body).toBe(INDEX);
  });

  it("leaves /healthz and /trpc to the api, and other methods get the api's 404", async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.headers.get("content-type")).toBe("application/json");
    const me = await fetch(`${url}/trpc/auth.me`);
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
    const trpcTypo = await fetch(`${url}/trpc`);
    expect([trpcTypo.status, trpcTypo.headers.get("content-type")]).toEqual([404, "application/json"]);
    const post = await fetch(`${url}/book/demo`, { method: "POST" });
    expect(post.status).toBe(404);
  });
});
