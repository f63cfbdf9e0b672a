// The admin's troubleshooting pages in Chromium against the real api, the real worker (job queue, Stripe checks
// against stripe-mock) and Vite: health reports before and after setting up Stripe, and payout alerts.

import { sql } from "kysely";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, navigate, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack({ worker: true });

async function openPage(page: Page, link: string, heading: string) {
  await navigate(page, link);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
}

/** The text of the health check block whose title is `title`. */
const checkText = (page: Page, title: string) =>
  page
    .locator(".check-item", { has: page.getByText(title, { exact: true }) })
    .first()
    .textContent();

describe("Health and Payouts & alerts", () => {
  it("explain every problem with its fix, before and after Stripe is set up", {
    timeout: 120_000,
  }, async () => {
    const page = await env.browser.newPage();
    await signUpBusiness(page, env.stack.webUrl, {
      name: "Hedge Helpers",
      slug: "hedge",
      admin: "Hana",
      email: "hana@hedge.test",
      password: "hedge helpers pw",
    });

    await openPage(page, "Health", "Health");
    await expect.poll(() => page.getByText("No health report yet").count()).toBe(1);
    await page.getByRole("button", { name: "Run checks now" }).first().click();
    await expect
      .poll(() => checkText(page, "Payment integration set up"), { timeout: 30_000 })
      .toMatch(/Failed.*No Stripe keys are saved.*How to fix: Choose Stripe or Stripe Connect/)
      .catch((error: unknown) => {
        // When the report never comes, the worker's own words say why.
        const lines = env.stack.workerOutput().split("\n");
        console.log(
          lines
            .filter((l) => /health|error|fail/i.test(l))
            .slice(-40)
            .join("\n"),
        );
        throw error;
      });

    await openPage(page, "Payment integration", "Payment integration");
    await fill(page, {
      "Publishable key": "pk_test_fieldpayFake5678",
      "Secret key": "sk_test_fieldpayFake1234",
      "Signing secret": "whsec_fieldpayFakeOne1",
    });
    await page.getByRole("button", { name: "Check with Stripe and save" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toMatch(/Stripe accepted your keys/);

    // Saving asked the worker for a fresh report; stripe-mock's account has card payments turned off.
    await openPage(page, "Health", "Health");
    await expect
      .poll(() => checkText(page, "Stripe account set up and verified"), { timeout: 30_000 })
      .toMatch(
        /Failed.*Card payments are turned off.*How to fix: Ensure your Stripe account is fully set up/,
      );
    expect(await page.getByText("After a settings change").count()).toBeGreaterThan(0);
    expect(await checkText(page, "Stripe accepts the saved keys")).toMatch(/Passed/);
    expect(await checkText(page, "Stripe notifications arriving")).toMatch(
      /Warning.*No notification from Stripe has arrived yet.*Developers > Webhooks/,
    );
    expect(await page.getByRole("table", { name: "History" }).count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}/ops-health.png`, fullPage: true });

    await openPage(page, "Payouts & alerts", "Payouts & alerts");
    await expect.poll(() => page.getByText("Payouts have not been checked yet.").count()).toBe(1);
    await page.getByRole("button", { name: "Check payouts now" }).click();
    const lateAlert = page.locator(".alert", { hasText: "Payout is late: Your business" });
    await expect.poll(() => lateAlert.count(), { timeout: 30_000 }).toBe(1);
    expect(await lateAlert.textContent()).toMatch(
      /expected on 13 Feb 2009.*How to fix: Check the payout schedules in your Stripe dashboard/,
    );
    expect(await page.locator(".alert", { hasText: "Payouts are paused: Your business" }).count()).toBe(1);
    await expect.poll(() => page.getByText(/Last checked .*: 1 Stripe account checked/).count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}/ops-payouts.png`, fullPage: true });

    // The admin knows about the late payout: dismissed, it leaves the open list but stays watched.
    await lateAlert.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => lateAlert.count()).toBe(0);
    const dismissed = page.getByRole("table", { name: /Dismissed/ });
    await expect.poll(() => dismissed.getByText("Payout is late").count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}/ops-payouts-dismissed.png`, fullPage: true });
    await dismissed.getByRole("button", { name: "Show again" }).click();
    await expect.poll(() => lateAlert.count()).toBe(1);
    expect(await page.getByRole("table", { name: /Dismissed/ }).count()).toBe(0);

    const html = await page.content();
    expect(html).not.toMatch(/sk_test_fieldpay|whsec_fieldpay/);
    await page.close();
  });

  it("say so, with the fix, when no worker takes the check that was asked for", {
    timeout: 90_000,
  }, async () => {
    const page = await env.browser.newPage();
    await signUpBusiness(page, env.stack.webUrl, {
      name: "Stalled Sweeps",
      slug: "stalled",
      admin: "Sol",
      email: "sol@stalled.test",
      password: "stalled sweeps pw",
    });
    await env.stack.stopWorker();
    await openPage(page, "Health", "Health");
    await page.getByRole("button", { name: "Run checks now" }).first().click();
    await expect.poll(() => page.getByText("Checks are running").count(), { timeout: 15_000 }).toBe(1);
    // A minute later, as far as the queue can tell: the job has been due that long and nothing runs in its queue.
    // (The notice shows while the request is still on its way, so wait for the job itself first.)
    const backdated = async () =>
      Number(
        (
          await sql`update graphile_worker._private_jobs set run_at = now() - interval '2 minutes'
            where key = 'health_report:' || (select id from tenants where slug = 'stalled')`.execute(
            env.db.db,
          )
        ).numAffectedRows,
      );
    await expect.poll(backdated, { timeout: 15_000 }).toBe(1);
    const stalled = page.locator(".alert", { hasText: "Waiting for the fieldpay worker" });
    await expect.poll(() => stalled.count(), { timeout: 15_000 }).toBe(1);
    expect(await stalled.textContent()).toMatch(
      /A health check was asked for over a minute ago.*How to fix: Make sure the fieldpay worker is running/,
    );
    expect(await page.getByText("Checks are running").count()).toBe(0);
    await page.screenshot({ path: `${artifactsDir}/ops-health-stalled.png`, fullPage: true });
    await page.close();
  });
});
