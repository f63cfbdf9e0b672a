import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { navByRole } from "../src/app/nav.ts";
import { emailedResetLink, fill } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

// The worker delivers the emails these tests read from the dev outbox.
const env = useBrowserStack({ worker: true });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/auth-${name}.png`, fullPage: true });

describe("accounts in the browser", () => {
  it("a business signs up, signs out, is kept out of the app, and signs back in where it was going", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.stack.webUrl}/sign-up`);
    await fill(page, {
      "Business name": "Bright Cleaning",
      "Booking page address": "bright",
      "Your name": "Bea Bright",
      Email: "bea@bright.test",
      Password: "short",
    });
    await page.getByRole("button", { name: "Create business" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Use at least 10 characters");
    await shot(page, "sign-up-error");
    await page.getByLabel("Password", { exact: true }).fill("bright and clean 1");
    await page.getByRole("button", { name: "Create business" }).click();
    await page.waitForURL(`${env.stack.webUrl}/app`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Welcome, Bea Bright");
    // The admin's navigation, and none of a fieldworker's pages.
    const links = await page.getByRole("navigation").getByRole("link").allTextContents();
    expect(links).toEqual(navByRole.admin.map((item) => item.label));
    expect(links).not.toContain("My Stripe account");
    await shot(page, "overview");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${env.stack.webUrl}/app/customers`);
    await page.waitForURL(/\/sign-in\?next=%2Fapp%2Fcustomers/);
    await fill(page, { Email: "bea@bright.test", Password: "wrong password" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("That email and password don't match an account.");
    await page.getByLabel("Password", { exact: true }).fill("bright and clean 1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.stack.webUrl}/app/customers`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Customers");
    await context.close();
  });

  it("a customer signs up on the booking page and the admin sees them", async () => {
    const customer = await env.browser.newContext();
    const page = await customer.newPage();
    await page.goto(`${env.stack.webUrl}/book/bright/sign-up`);
    await expect.poll(() => page.locator(".portal-business").textContent()).toBe("Bright Cleaning");
    await fill(page, {
      "Your name": "Carl Customer",
      Email: "carl@example.com",
      Password: "carl's password",
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${env.stack.webUrl}/book/bright`);
    await expect.poll(() => page.getByText("Signed in as Carl Customer.").count()).toBe(1);
    await shot(page, "portal-signed-in");
    // A customer who wanders into the admin app is sent back to their booking page.
    await page.goto(`${env.stack.webUrl}/app`);
    await page.waitForURL(`${env.stack.webUrl}/book/bright`);
    await customer.close();

    const admin = await env.browser.newContext();
    const adminPage = await admin.newPage();
    await adminPage.goto(`${env.stack.webUrl}/sign-in?next=/app/customers`);
    await fill(adminPage, { Email: "bea@bright.test", Password: "bright and clean 1" });
    await adminPage.getByRole("button", { name: "Sign in" }).click();
    await adminPage.waitForURL(`${env.stack.webUrl}/app/customers`);
    await expect.poll(() => adminPage.getByRole("cell", { name: "carl@example.com" }).count()).toBe(1);
    await shot(adminPage, "customers");
    // Carl calls: he cannot sign in. The admin sends him a reset link; it brings him back to the booking page.
    await adminPage.getByRole("button", { name: "Send password reset" }).click();
    await expect
      .poll(() => adminPage.getByRole("status").first().textContent())
      .toContain("Password reset link sent to carl@example.com");
    // The admin sees the worker deliver it.
    await expect
      .poll(() => adminPage.getByRole("status").first().textContent(), { timeout: 20_000 })
      .toContain("Email: Delivered");
    await shot(adminPage, "reset-delivered");
    await admin.close();
    const link = await emailedResetLink(env.db.db, env.stack.webUrl, "carl@example.com");
    const again = await (await env.browser.newContext()).newPage();
    await again.goto(link);
    await fill(again, { "New password": "carl's new password" });
    await again.getByRole("button", { name: "Save and sign in" }).click();
    await again.waitForURL(`${env.stack.webUrl}/book/bright`);
    await expect.poll(() => again.getByText("Signed in as Carl Customer.").count()).toBe(1);
  });

  it("an unknown booking page says so", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.stack.webUrl}/book/no-such-business`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("There is no booking page at this address");
    await page.close();
  });
});
