// Accessibility in Chromium against `npm run dev`'s demo businesses: axe-core (Deque's checker) on every page each
// kind of user sees, at desktop (1280x800) and phone (390x844) sizes, with no serious or critical violation; and
// a sign-in and the phone menu done with the keyboard alone.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserStack } from "./harness.ts";
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

/** One line per serious or critical problem axe finds: rule, impact, element, and what to do. */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${where}: ${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${violation.help}`,
      ),
    );
}

async function checkEveryPage(viewport: Viewport, size: string) {
  const problems: string[] = [];
  const visited: string[] = [];
  const check: Check = async (page, name) => {
    problems.push(...(await violations(page, `${name} (${size})`)));
    visited.push(name);
  };
  const { browser, stack } = env;
  await publicPages(browser, stack.webUrl, viewport, check);
  await adminPages(browser, stack.webUrl, viewport, check);
  await fieldworkerPages(browser, stack.webUrl, viewport, check);
  await customerPages(browser, stack.webUrl, viewport, check);
  if (problems.length > 0) console.log(problems.join("\n"));
  expect(visited).toHaveLength(26);
  expect(problems).toEqual([]);
}

/** Presses Tab until `target` has focus (as a keyboard user would), failing if it never gets there. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let presses = 0; presses < 25; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error("Tab never reached the element");
}

describe("accessibility", () => {
  it("no serious or critical problems on any page at 1280x800", { timeout: 300_000 }, async () => {
    await checkEveryPage(DESKTOP, "desktop");
  });

  it("no serious or critical problems on any page at 390x844", { timeout: 300_000 }, async () => {
    await checkEveryPage(PHONE, "phone");
  });

  it("signs in and opens a page from the phone menu with the keyboard alone", {
    timeout: 60_000,
  }, async () => {
    const web = env.stack.webUrl;
    const page = await (await env.browser.newContext({ viewport: PHONE })).newPage();
    await page.goto(`${web}/sign-in`);
    await settle(page);
    await tabTo(page, page.getByLabel("Email", { exact: true }));
    await page.keyboard.type("admin@demo-connect.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("fieldpay-connect-2026");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${web}/app`);
    await settle(page);

    const menu = page.getByRole("button", { name: "Menu" });
    await tabTo(page, menu);
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await violations(page, "the open menu")).toEqual([]);
    // The list comes next in the tab order, starting with the first link.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Overview");
    await tabTo(page, page.getByRole("link", { name: "Services", exact: true }));
    await page.keyboard.press("Enter");
    await page.waitForURL(`${web}/app/services`);
    await settle(page);
    // Focus moves and the menu folds once the new page has rendered: polled, as layout.test.ts does.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
  });
});
