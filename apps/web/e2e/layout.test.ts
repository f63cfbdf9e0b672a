// Phone layouts and dead ends in Chromium against `npm run dev`'s demo businesses: every page at 390x844 fits the
// screen (the navigation behind a menu button, tables as cards), the same pages at 1280x800, styled not-found and
// error pages with a way back. Screenshots of every page at both sizes are kept in the artifacts dir.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { navigate } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";
import {
  adminPages,
  type Check,
  customerPages,
  DESKTOP,
  fieldworkerPages,
  PHONE,
  publicPages,
  settle,
  type Viewport,
} from "./tour.ts";

const env = useBrowserStack({ devStripe: true });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/layout-${name}.png`, fullPage: true });

/** Nothing wider than the screen, and no table that has to be scrolled sideways to be read. */
async function fitsTheScreen(page: Page, name: string) {
  const { scrollWidth, innerWidth, sticksOut } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY,
    innerWidth: window.innerWidth,
    // What pokes out on the right, innermost first, to say what to fix.
    sticksOut: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter(
        (el) =>
          ![...el.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5),
      )
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  expect(scrollWidth, `${name} is wider than the screen: ${sticksOut.join(", ")}`).toBeLessThanOrEqual(
    innerWidth,
  );
  const cutOff = await page
    .locator(".table-wrap")
    .evaluateAll((wraps) =>
      wraps
        .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
        .map((wrap) => wrap.textContent?.slice(0, 60)),
    );
  expect(cutOff, `${name} has a table to scroll sideways`).toEqual([]);
}

async function everyPage(viewport: Viewport, check: Check) {
  const { browser, stack } = env;
  await publicPages(browser, stack.webUrl, viewport, check);
  await adminPages(browser, stack.webUrl, viewport, check);
  await fieldworkerPages(browser, stack.webUrl, viewport, check);
  await customerPages(browser, stack.webUrl, viewport, check);
}

describe("layouts", () => {
  it("every page fits a 390 px phone: nothing to scroll sideways, tables shown as cards", {
    timeout: 240_000,
  }, async () => {
    const seen: string[] = [];
    await everyPage(PHONE, async (page, name) => {
      await shot(page, `${name}-phone`);
      await fitsTheScreen(page, name);
      if (name === "admin-bookings") {
        // A row is a card: the column headers are not shown, each value carries its own label.
        expect(await page.locator("main thead").first().boundingBox()).toMatchObject({ width: 1 });
        const label = await page
          .locator("main tbody td[data-label]")
          .first()
          .evaluate((td) => getComputedStyle(td, "::before").content);
        expect(label).not.toBe("none");
      }
      seen.push(name);
    });
    expect(seen).toHaveLength(26);
  });

  it("the same pages at 1280 px; the customer's bookings show their status and total without scrolling", {
    timeout: 240_000,
  }, async () => {
    await everyPage(DESKTOP, async (page, name) => {
      if (name === "portal-my-bookings") {
        await fitsTheScreen(page, name);
        const screen = { right: DESKTOP.width, bottom: DESKTOP.height };
        for (const label of ["Status", "Total"]) {
          const cell = page.locator(`main tbody td[data-label="${label}"]`).first();
          const box = await cell.boundingBox();
          expect(box && box.x + box.width <= screen.right, `${label} is off screen`).toBe(true);
          expect(await cell.isVisible()).toBe(true);
        }
      }
      await shot(page, `${name}-desktop`);
    });
  });

  it("on a phone the navigation is a menu button that opens the full list and closes again", {
    timeout: 60_000,
  }, async () => {
    const page = await (await env.browser.newContext({ viewport: PHONE })).newPage();
    await page.goto(`${env.stack.webUrl}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill("admin@demo-connect.test");
    await page.getByLabel("Password", { exact: true }).fill("fieldpay-connect-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.stack.webUrl}/app`);
    await settle(page);
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByRole("button", { name: "Menu" });
    const services = nav.getByRole("link", { name: "Services", exact: true });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await services.isVisible()).toBe(false);
    // One row: the Menu button beside the business's name, and the page right under it.
    const header = await page.getByRole("banner").boundingBox();
    const button = await menu.boundingBox();
    expect(header?.height).toBeLessThanOrEqual(72);
    expect(
      button && header && button.y >= header.y && button.y + button.height <= header.y + header.height,
    ).toBe(true);
    expect((await page.locator("main").boundingBox())?.y).toBeLessThanOrEqual(72);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`).isVisible()).toBe(true);
    expect(await nav.getByRole("link").count()).toBeGreaterThanOrEqual(9);
    // Who is signed in and Sign out moved into the opened menu, after the links.
    expect(await nav.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    await shot(page, "menu-open-phone");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((button) => document.activeElement === button)).toBe(true);
    expect(await services.isVisible()).toBe(false);

    // Following a link opens its page, folds the menu away and leaves focus on the page's content.
    await navigate(page, "Services");
    await settle(page);
    expect(page.url()).toBe(`${env.stack.webUrl}/app/services`);
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");

    await page.setViewportSize(DESKTOP);
    expect(await menu.isVisible()).toBe(false);
    expect(await services.isVisible()).toBe(true);
  });

  it("the booking portal's links open from its menu on a phone, over the page", {
    timeout: 60_000,
  }, async () => {
    const web = env.stack.webUrl;
    const page = await (await env.browser.newContext({ viewport: PHONE })).newPage();
    await page.goto(`${web}/book/demo-connect/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill("customer@demo-connect.test");
    await page.getByLabel("Password", { exact: true }).fill("fieldpay-customer-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByLabel("Service").count(), { timeout: 15_000 }).toBe(1);
    const nav = page.getByRole("navigation", { name: "Booking page" });
    const myBookings = nav.getByRole("link", { name: "My bookings" });
    expect(await myBookings.isVisible()).toBe(false);
    await nav.getByRole("button", { name: "Menu" }).click();
    expect(await myBookings.isVisible()).toBe(true);
    await fitsTheScreen(page, "portal menu");
    await shot(page, "portal-menu-open-phone");
    await navigate(page, "My bookings");
    await settle(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My bookings");
    expect(await myBookings.isVisible()).toBe(false);
  });
});

describe("dead ends", () => {
  const text = (page: Page) => page.locator("#root").textContent();
  const noStackTrace = async (page: Page) =>
    expect(await text(page)).not.toMatch(/\.tsx?:\d+|at \w+ \(|Error:/);

  it("unknown addresses and bad booking ids say so, styled, with the way back", {
    timeout: 90_000,
  }, async () => {
    const web = env.stack.webUrl;
    const page = await (await env.browser.newContext({ viewport: DESKTOP })).newPage();
    const heading = () => page.getByRole("heading", { level: 1 }).textContent();

    await page.goto(`${web}/no-such-page`);
    await expect.poll(heading).toBe("There is no page at this address");
    expect(await page.getByRole("link", { name: "Go to fieldpay" }).getAttribute("href")).toBe("/app");

    await page.goto(`${web}/book/no-such-business`);
    await expect.poll(heading).toBe("There is no booking page at this address");
    expect(await page.getByRole("button", { name: "Go back" }).count()).toBe(1);
    await page.goto(`${web}/book/demo-connect/no-such-page`);
    await expect.poll(heading).toBe("There is no page at this address");
    expect(await page.getByRole("link", { name: "Go to the booking page" }).getAttribute("href")).toBe(
      "/book/demo-connect",
    );

    await page.goto(`${web}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill("admin@demo-connect.test");
    await page.getByLabel("Password", { exact: true }).fill("fieldpay-connect-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${web}/app`);
    await page.goto(`${web}/app/no-such-page`);
    await expect.poll(heading).toBe("There is no page at this address");
    // Inside the app's frame: the navigation is still there.
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link").count()).toBeGreaterThan(5);
    for (const id of ["not-a-booking", "00000000-0000-4000-8000-000000000000"]) {
      await page.goto(`${web}/app/bookings/${id}`);
      await expect.poll(heading).toBe("We could not find this booking");
      await noStackTrace(page);
    }
    await page.getByRole("link", { name: "Back to bookings" }).click();
    await page.waitForURL(`${web}/app/bookings`);
    await shot(page, "dead-end-back-desktop");
  });

  it("a page that breaks shows Something went wrong, never the error, with reload and home", {
    timeout: 60_000,
  }, async () => {
    const web = env.stack.webUrl;
    const page = await (await env.browser.newContext({ viewport: PHONE })).newPage();
    await page.goto(`${web}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill("admin@demo-connect.test");
    await page.getByLabel("Password", { exact: true }).fill("fieldpay-connect-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${web}/app`);
    // The Health page's code fails to download, as after a deploy replaced it.
    await page.route("**/src/ops/health-page.tsx*", (route) => route.abort());
    await navigate(page, "Health");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Something went wrong");
    await noStackTrace(page);
    expect(await page.getByRole("link", { name: "Go to the start" }).getAttribute("href")).toBe("/app");
    await shot(page, "something-went-wrong-phone");
    await page.unroute("**/src/ops/health-page.tsx*");
    await page.getByRole("button", { name: "Reload the page" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Health");
  });
});
