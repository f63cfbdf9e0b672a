// Steps several browser tests share, done the way a person does them.
import type { Db } from "@fieldpay/db/client";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
}

/** An admin or fieldworker signs in at /sign-in and lands in the app. */
export async function staffSignIn(page: Page, webUrl: string, email: string, password: string) {
  await page.goto(`${webUrl}/sign-in`);
  await fill(page, { Email: email, Password: password });
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${webUrl}/app`);
}

export async function signUpBusiness(
  page: Page,
  webUrl: string,
  business: { name: string; slug: string; admin: string; email: string; password: string },
) {
  await page.goto(`${webUrl}/sign-up`);
  await fill(page, {
    "Business name": business.name,
    "Booking page address": business.slug,
    "Your name": business.admin,
    Email: business.email,
    Password: business.password,
  });
  await page.getByRole("button", { name: "Create business" }).click();
  await page.waitForURL(`${webUrl}/app`);
}

/** The reset link the dev outbox holds for `to` (the first one sent) once the worker delivered it. */
export async function emailedResetLink(db: Db, webUrl: string, to: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const mail = await db
      .selectFrom("emails")
      .select("body")
      .where("to_address", "=", to)
      .where("status", "=", "delivered")
      .orderBy("created_at")
      .executeTakeFirst();
    if (mail?.body)
      return new RegExp(`${webUrl}/reset-password/[A-Za-z0-9_-]{43}`).exec(mail.body)?.[0] ?? "";
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no reset email was delivered to ${to}`);
}

/**
 * Opens a page through the navigation as a person would: on a narrow screen the list is behind the "Menu" button,
 * so that is pressed first. Waits until the browser is at the link's address.
 */
export async function navigate(page: Page, label: string) {
  const nav = page.getByRole("navigation");
  const menu = nav.getByRole("button", { name: "Menu" });
  const link = nav.getByRole("link", { name: label, exact: true });
  await expect
    .poll(async () => (await link.isVisible()) || (await menu.isVisible()), { timeout: 15_000 })
    .toBe(true);
  if (!(await link.isVisible())) await menu.click();
  const href = await link.getAttribute("href");
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
}
