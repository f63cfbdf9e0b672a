// "Forgot your password?" in Chromium: from the sign-in page to the emailed link (read from the dev outbox) to a
// new password, signed in; the old password no longer works.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { emailedResetLink, fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

// The worker delivers the emails these tests read from the dev outbox.
const env = useBrowserStack({ worker: true });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/password-reset-${name}.png`, fullPage: true });

describe("password reset in the browser", () => {
  it("asks for a link, opens it, chooses a new password and is signed in with it", async () => {
    const page = await env.browser.newPage();
    await signUpBusiness(page, env.stack.webUrl, {
      name: "Red Roofs",
      slug: "red",
      admin: "Rae",
      email: "rae@red.test",
      password: "red roofs pw 1",
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);

    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in page has an Email field too: wait for the new page before typing.
    await page.waitForURL(`${env.stack.webUrl}/forgot-password`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Forgot your password?");
    await fill(page, { Email: "rae@red.test" });
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("If rae@red.test has an account here, we sent it a link");
    await shot(page, "requested");

    const link = await emailedResetLink(env.db.db, env.stack.webUrl, "rae@red.test");
    await page.goto(link);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Choose a new password");
    await fill(page, { "New password": "red roofs new pw" });
    await shot(page, "choose");
    await page.getByRole("button", { name: "Save and sign in" }).click();
    await page.waitForURL(`${env.stack.webUrl}/app`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome, Rae");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await fill(page, { Email: "rae@red.test", Password: "red roofs pw 1" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("That email and password don't match an account.");
    await page.getByLabel("Password", { exact: true }).fill("red roofs new pw");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${env.stack.webUrl}/app`);

    // The link worked once.
    await page.goto(link);
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("This reset link was already used.");
  });
});
