// The admin Overview in Chromium at desktop (1280x800) and phone (390x844) sizes against the real api and Vite: a
// new business sees its setup steps with what to do; once they are done (written to the database as the other
// pages and the worker would), the money of the last 7 days against the 7 before, the period switcher and the chart.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@fieldpay/db/client";
import { insertUser } from "@fieldpay/db/repositories/users";
import { seedBooking } from "@fieldpay/db/testing/booking";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/overview-${name}.png`, fullPage: true });

/** Both sizes: a screenshot each, and nothing wider than the screen. */
async function atBothSizes(page: Page, name: string) {
  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    const main = page.locator("main");
    expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, `${name}-${size}`);
  }
  await page.setViewportSize(DESKTOP);
}

const card = (page: Page, label: string) =>
  page.locator(".overview-figure", { has: page.getByRole("heading", { name: label, exact: true }) });

/** Everything the checklist asks for, and a week of money, as the settings page, the portal and the worker leave it. */
async function setUpAndTakePayments(db: Db, slug: string) {
  const tenant = await db
    .selectFrom("tenants")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const tenantId = tenant.id;
  const sealed = randomBytes(40);
  await db
    .insertInto("payment_settings")
    .values(
      testPaymentSettings({
        tenant_id: tenantId,
        secret_key_sealed: sealed,
        webhook_secret_sealed: sealed,
        connect_webhook_secret_sealed: sealed,
      }),
    )
    .execute();
  for (const endpoint of ["account", "connect"] as const)
    await db
      .insertInto("webhook_events")
      .values({
        id: `evt_${randomUUID().replaceAll("-", "")}`,
        tenant_id: tenantId,
        endpoint,
        type: "account.updated",
        account: null,
        livemode: false,
        stripe_created_at: new Date(),
        payload: {},
      })
      .execute();
  const customer = await insertUser(db, {
    tenant_id: tenantId,
    role: "customer",
    email: "casey@example.com",
    name: "Casey",
    password_hash: null,
  });
  const fay = await insertUser(db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: "fay@fw.test",
    name: "Fay",
    password_hash: null,
  });
  await db
    .insertInto("fieldworker_accounts")
    .values({
      user_id: fay.id,
      tenant_id: tenantId,
      stripe_account_id: "acct_fay_overview",
      account_type: "express",
      status: "active",
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      requirements: {},
      capabilities: {},
    })
    .execute();
  // Two charges in the last 7 days (one partly refunded), one in the 7 days before.
  const charge = async (amount: number, fee: number, daysAgo: number) => {
    const { bookingId } = await seedBooking(db, tenantId, customer.id, { price: amount });
    const row = await db
      .insertInto("payments")
      .values({
        tenant_id: tenantId,
        booking_id: bookingId,
        attempt: 1,
        payment_intent_id: `pi_${randomUUID().replaceAll("-", "")}`,
        status: "succeeded",
        amount,
        currency: "usd",
        charge_type: "destination",
        fieldworker_account_id: "acct_fay_overview",
        application_fee_amount: fee,
        fieldworker_net_amount: amount - fee,
        // Made and confirmed then (the ledger dates a charge by both).
        created_at: new Date(Date.now() - daysAgo * DAY),
        stripe_event_at: new Date(Date.now() - daysAgo * DAY),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  await charge(12_000, 1_230, 2);
  const refunded = await charge(8_000, 830, 3);
  await charge(10_000, 1_030, 10);
  await db
    .insertInto("refunds")
    .values({
      tenant_id: tenantId,
      payment_id: refunded,
      stripe_refund_id: `re_${randomUUID().replaceAll("-", "")}`,
      amount: 3_000,
      currency: "usd",
      status: "succeeded",
      business_amount: 300,
      fieldworker_amount: 2_700,
      created_at: new Date(Date.now() - 2 * DAY),
    })
    .execute();
  for (const [amount, status, fieldworker] of [
    [5_000, "in_transit", null],
    [2_500, "pending", fay.id],
    [9_000, "paid", null],
  ] as const)
    await db
      .insertInto("payouts")
      .values({
        id: `po_${randomUUID().replaceAll("-", "")}`,
        tenant_id: tenantId,
        account_id: fieldworker ? "acct_fay_overview" : "acct_business1",
        fieldworker_id: fieldworker,
        amount,
        currency: "usd",
        status,
        arrival_date: new Date(Date.now() + DAY),
        failure_code: null,
        failure_message: null,
        stripe_created_at: new Date(),
      })
      .execute();
  await db
    .insertInto("alerts")
    .values({
      tenant_id: tenantId,
      key: "payout_late:overview",
      kind: "payout_late",
      severity: "warning",
      account_id: "acct_business1",
      fieldworker_id: null,
      payout_id: null,
      title: "Payout is late",
      explanation: "Stripe expected it yesterday.",
      fix: "Check the payout schedules in your Stripe dashboard.",
      since: new Date(),
    })
    .execute();
}

describe("the admin Overview", () => {
  it("shows the setup steps until they are done, then the money against the previous period", {
    timeout: 120_000,
  }, async () => {
    const context = await env.browser.newContext({ viewport: DESKTOP, locale: "en-US", timezoneId: "UTC" });
    const page = await context.newPage();
    await signUpBusiness(page, env.stack.webUrl, {
      name: "Oak Gardens",
      slug: "oak",
      admin: "Olive",
      email: "olive@oak.test",
      password: "oak gardens pw 1",
    });

    // Just signed up: four steps, none done, the first one the way forward.
    const setup = page.getByRole("region", { name: "Get ready to take payments" });
    await expect.poll(() => setup.getByText("0 of 4 steps done").count()).toBe(1);
    expect(await setup.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
      "Connect your Stripe account (to do)",
      "Receive Stripe's notifications (to do)",
      "Add a service (to do)",
      "Share your booking page (to do)",
    ]);
    expect(
      await setup.getByRole("link", { name: "Open Payment integration" }).first().getAttribute("href"),
    ).toBe("/app/settings/payments");
    expect(await setup.getByRole("link", { name: "Open your booking page" }).getAttribute("href")).toBe(
      "/book/oak",
    );
    expect(await page.getByRole("progressbar").getAttribute("value")).toBe("0");
    // No money yet: every figure at zero, the same as before.
    expect(await card(page, "Gross volume").textContent()).toContain("$0.00");
    expect(await card(page, "Gross volume").textContent()).toContain("Same as the previous 7 days ($0.00)");
    await atBothSizes(page, "setup");

    await setUpAndTakePayments(env.db.db, "oak");
    await page.reload();
    await expect.poll(() => card(page, "Gross volume").count()).toBe(1);
    expect(await page.getByRole("region", { name: "Get ready to take payments" }).count()).toBe(0);

    const figures = await page.locator(".overview-figure-label").allTextContents();
    expect(figures).toEqual([
      "Gross volume",
      "Refunds",
      "Net volume",
      "Application fees earned",
      "Paid to fieldworkers",
      "Payouts in transit",
      "Open alerts",
      "Open disputes",
    ]);
    const text = (label: string) => card(page, label).textContent();
    expect(await text("Gross volume")).toMatch(
      /\$200\.00.*Up 100% on the previous 7 days \(\$100\.00\).*2 charges/,
    );
    expect(await text("Refunds")).toMatch(/\$30\.00.*Up from \$0\.00 the previous 7 days/);
    expect(await text("Net volume")).toMatch(/\$170\.00.*Up 70% on the previous 7 days/);
    expect(await text("Application fees earned")).toMatch(
      /\$17\.60.*Up 71% on the previous 7 days \(\$10\.30\)/,
    );
    expect(await text("Paid to fieldworkers")).toMatch(/\$152\.40/);
    expect(await text("Payouts in transit")).toMatch(
      /\$75\.00.*2 payouts on the way.*To your bank: \$50\.00.*To fieldworkers: \$25\.00/,
    );
    expect(await text("Open alerts")).toMatch(/^Open alerts1/);
    expect(await card(page, "Payouts in transit").getByRole("link").getAttribute("href")).toBe(
      "/app/payouts",
    );
    expect(await card(page, "Paid to fieldworkers").getByRole("link").getAttribute("href")).toBe(
      "/app/fieldworkers",
    );

    // The chart: one bar per day, named by a summary, with every figure in a table for screen readers.
    const chart = page.getByRole("img", { name: /^Net volume per day, USD: 7 periods/ });
    expect(await chart.getAttribute("aria-label")).toContain("Total $170.00");
    expect(await page.locator(".overview-chart tbody tr").count()).toBe(7);
    await atBothSizes(page, "money");

    // The period switcher: 30 days holds all three charges; today none of them.
    await page.getByRole("button", { name: "30 days" }).click();
    await page.waitForURL(/range=30d/);
    await expect.poll(() => text("Gross volume")).toMatch(/\$300\.00.*Up from \$0\.00 the previous 30 days/);
    expect(await page.locator(".overview-chart tbody tr").count()).toBe(30);
    expect(await page.getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe("true");
    await atBothSizes(page, "30-days");
    await page.getByRole("button", { name: "Today" }).click();
    await expect.poll(() => text("Gross volume")).toMatch(/\$0\.00.*Same as yesterday/);
    expect(await page.getByText(/compared with yesterday up to this time/).count()).toBe(1);
    expect(await page.locator(".overview-chart").count()).toBe(0);
    await atBothSizes(page, "today");

    // The card's link leads to the list behind it.
    await card(page, "Open alerts").getByRole("link").click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Payouts & alerts");
    await context.close();
  });
});
