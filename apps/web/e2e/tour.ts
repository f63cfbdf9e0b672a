// Every page each kind of user sees, visited the way they would reach it, against `npm run dev`'s demo
// businesses (harness: devStripe). layout.test.ts and accessibility.test.ts check each stop at both sizes.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { fill, staffSignIn } from "./flows.ts";

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = typeof DESKTOP | typeof PHONE;

const SLUG = "demo-connect";
const ADMIN = { email: "admin@demo-connect.test", password: "fieldpay-connect-2026" };
const FIELDWORKER = { email: "sam@demo-connect.test", password: "fieldpay-crew-2026" };
const CUSTOMER = { email: "customer@demo-connect.test", password: "fieldpay-customer-2026" };

/** Called at each stop once its page has loaded; `name` says which, e.g. "admin-bookings". */
export type Check = (page: Page, name: string) => Promise<void>;

/** Waits for the page a person would look at: its heading shown, nothing still loading. */
export async function settle(page: Page) {
  await expect.poll(() => page.locator("h1").first().isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.getByText(/^Loading/).count(), { timeout: 20_000 }).toBe(0);
}

async function stop(page: Page, check: Check, name: string, path?: string) {
  if (path !== undefined) await page.goto(path);
  await settle(page);
  await check(page, name);
}

async function open(browser: Browser, viewport: Viewport) {
  const context = await browser.newContext({ viewport, locale: "en-US", timezoneId: "UTC" });
  return context.newPage();
}

/** The pages anyone sees before signing in, and the addresses that lead nowhere. */
export async function publicPages(browser: Browser, web: string, viewport: Viewport, check: Check) {
  const page = await open(browser, viewport);
  await stop(page, check, "sign-in", `${web}/sign-in`);
  await stop(page, check, "sign-up", `${web}/sign-up`);
  await stop(page, check, "portal-home", `${web}/book/${SLUG}`);
  await stop(page, check, "portal-sign-in", `${web}/book/${SLUG}/sign-in`);
  await stop(page, check, "not-found", `${web}/no-such-page`);
  await stop(page, check, "portal-unknown", `${web}/book/no-such-business`);
  await page.context().close();
}

export async function adminPages(browser: Browser, web: string, viewport: Viewport, check: Check) {
  const page = await open(browser, viewport);
  await staffSignIn(page, web, ADMIN.email, ADMIN.password);
  await stop(page, check, "admin-overview");
  for (const [name, path] of [
    ["admin-bookings", "/app/bookings"],
    ["admin-services", "/app/services"],
    ["admin-fieldworkers", "/app/fieldworkers"],
    ["admin-payment-settings", "/app/settings/payments"],
    ["admin-health", "/app/health"],
    ["admin-payout-alerts", "/app/payouts"],
    ["admin-disputes", "/app/disputes"],
    ["admin-not-found", "/app/no-such-page"],
    ["admin-bad-booking", "/app/bookings/not-a-booking"],
  ] as const)
    await stop(page, check, name, `${web}${path}`);
  await page.goto(`${web}/app/bookings`);
  await settle(page);
  await page.locator("main tbody a").first().click();
  await page.waitForURL(/\/app\/bookings\/[0-9a-f-]{36}$/);
  await stop(page, check, "admin-booking-detail");
  await page.context().close();
}

export async function fieldworkerPages(browser: Browser, web: string, viewport: Viewport, check: Check) {
  const page = await open(browser, viewport);
  await staffSignIn(page, web, FIELDWORKER.email, FIELDWORKER.password);
  for (const [name, path] of [
    ["fieldworker-jobs", "/app/jobs"],
    ["fieldworker-earnings", "/app/earnings"],
    ["fieldworker-stripe", "/app/stripe"],
  ] as const)
    await stop(page, check, name, `${web}${path}`);
  await page.context().close();
}

export async function customerPages(browser: Browser, web: string, viewport: Viewport, check: Check) {
  const page = await open(browser, viewport);
  await page.goto(`${web}/book/${SLUG}/sign-in`);
  await fill(page, CUSTOMER_FIELDS);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByLabel("Service").count(), { timeout: 15_000 }).toBe(1);
  await stop(page, check, "portal-book");
  await page.getByLabel("Service").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(/\/pay$/);
  await expect.poll(() => page.locator(".stripe-badge").count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await stop(page, check, "portal-pay");
  await stop(page, check, "portal-my-bookings", `${web}/book/${SLUG}/bookings`);
  await page.locator("main tbody a").last().click();
  await page.waitForURL(/\/bookings\/[0-9a-f-]{36}$/);
  await stop(page, check, "portal-receipt");
  await stop(page, check, "portal-saved-cards", `${web}/book/${SLUG}/cards`);
  await stop(page, check, "portal-bad-booking", `${web}/book/${SLUG}/bookings/not-a-booking`);
  await page.context().close();
}

const CUSTOMER_FIELDS = { Email: CUSTOMER.email, Password: CUSTOMER.password };
