import { createTestDatabase, type TestDatabase } from "@fieldpay/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, launchChromium, type Stack, startStack } from "./harness.ts";

let t: TestDatabase;
let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  t = await createTestDatabase();
  [stack, browser] = await Promise.all([startStack(t.url), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await t?.drop();
});

describe("status page (web -> tRPC -> api -> PostgreSQL and stripe-mock)", () => {
  it("shows what the api reports through the typed status query", async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.webUrl}/status`);
    await expect
      .poll(() => page.getByTestId("status-database").textContent(), { timeout: 20_000 })
      .toBe("reachable");
    expect(await page.getByTestId("status-stripe").textContent()).toBe("reachable");
    await page.screenshot({ path: `${artifactsDir}/status-page.png`, fullPage: true });
    await page.close();
  });
});
