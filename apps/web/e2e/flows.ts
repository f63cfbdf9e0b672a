// Steps several browser tests share, done the way a person does them.
import type { Page } from "playwright-core";

export async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
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
