import { describe, expect, it } from "vitest";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack();

describe("status page (web -> tRPC -> api -> PostgreSQL and stripe-mock)", () => {
  it("shows what the api reports through the typed status query", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.stack.webUrl}/status`);
    await expect
      .poll(() => page.getByTestId("status-database").textContent(), { timeout: 20_000 })
      .toBe("reachable");
    expect(await page.getByTestId("status-stripe").textContent()).toBe("reachable");
    await page.screenshot({ path: `${artifactsDir}/status-page.png`, fullPage: true });
    await page.close();
  });
});
