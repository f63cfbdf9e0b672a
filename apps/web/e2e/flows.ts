// Steps several browser tests share, done the way a person does them.
import type { Db } from "@fieldpay/db/client";
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

/** The reset link the dev outbox holds for `to` (the first one sent), as the person would click it. */
export async function emailedResetLink(db: Db, webUrl: string, to: string): Promise<string> {
  const mail = await db
    .selectFrom("emails")
    .select("body")
    .where("to_address", "=", to)
    .executeTakeFirstOrThrow();
  return new RegExp(`${webUrl}/reset-password/[A-Za-z0-9_-]{43}`).exec(mail.body ?? "")?.[0] ?? "";
}
