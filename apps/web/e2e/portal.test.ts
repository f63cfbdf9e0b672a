// The customer's whole journey in Chromium, with Stripe.js served by the stand-in: sign up on the booking page,
// book, pay (a decline explained, then 3-D Secure), save a card, pay the next booking with it, the Stripe logo
// on both card forms; then the admin sees the payment and refunds part of it. Payment status changes come in
// as the worker's webhook handling would apply them (applyPaymentIntentSnapshot).
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";
import { serveStripeStandIn, standInCalls } from "./stripe-stand-in.ts";

const env = useBrowserStack();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/portal-${name}.png`, fullPage: true });

async function setUpBusiness(page: Page, webUrl: string) {
  await signUpBusiness(page, webUrl, {
    name: "Sparkle Homes",
    slug: "sparkle",
    admin: "Sam",
    email: "sam@sparkle.test",
    password: "sparkle homes pw",
  });
  await page.goto(`${webUrl}/app/settings/payments`);
  await fill(page, {
    "Publishable key": "pk_test_fieldpayFake5678",
    "Secret key": "sk_test_fieldpayFake1234",
  });
  await page.getByRole("button", { name: "Check with Stripe and save" }).click();
  await expect
    .poll(() => page.getByText("Saved: Stripe accepted your keys").count(), { timeout: 15_000 })
    .toBe(1);
  await page.getByRole("link", { name: "Services" }).click();
  await fill(page, { "Service name": "Deep clean", Price: "45.00", "Duration (minutes)": "90" });
  await page.getByRole("button", { name: "Add service" }).click();
  await expect.poll(() => page.getByRole("cell", { name: "$45.00" }).count()).toBe(1);
  await shot(page, "01-admin-services");
}

async function payments(bookingId: string) {
  return env.db.db
    .selectFrom("payments")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .orderBy("attempt")
    .execute();
}

/** What the worker does when Stripe's webhook for this PaymentIntent arrives. */
async function webhookSays(bookingId: string, attempt: number, status: string, failureCode?: string) {
  const payment = (await payments(bookingId)).find((p) => p.attempt === attempt);
  await applyPaymentIntentSnapshot(env.db.db, {
    tenantId: payment?.tenant_id ?? "",
    paymentIntentId: payment?.payment_intent_id ?? "",
    status,
    failureCode: failureCode ?? null,
    eventAt: new Date(),
  });
}

async function expectStripeBadge(page: Page, form: string) {
  const badge = page.locator(`${form} .stripe-badge`);
  await expect.poll(() => badge.getAttribute("aria-label")).toBe("Powered by Stripe");
  expect(await badge.getAttribute("href")).toBe("https://stripe.com");
}

const bookingIdIn = (url: string) => /bookings\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";

describe("the customer booking portal", () => {
  it("books, pays through a decline and 3-D Secure, saves a card, pays with it; the admin refunds", async () => {
    const web = env.stack.webUrl;
    const admin = await env.browser.newPage();
    await setUpBusiness(admin, web);

    const context = await env.browser.newContext();
    await serveStripeStandIn(context);
    const page = await context.newPage();
    // Visitors see what can be booked, with price and duration, before they have an account.
    await page.goto(`${web}/book/sparkle`);
    await expect.poll(() => page.locator(".catalog").textContent()).toBe("Deep clean (90 min)$45.00");
    await shot(page, "00-visitor");
    await page.goto(`${web}/book/sparkle/sign-up`);
    await fill(page, {
      "Your name": "Cleo Customer",
      Email: "cleo@example.com",
      Password: "cleo's password",
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByLabel("Service").textContent()).toContain("Deep clean (90 min)");
    await expect.poll(() => page.locator(".totals .total").textContent()).toBe("$45.00");
    await shot(page, "02-book");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/pay$/);
    const first = bookingIdIn(page.url());

    // A declined card: explained in plain words, the booking kept unpaid. (stripe-mock lists a saved card for
    // every customer, and the pay page preselects it: this customer types a new one.)
    await page.getByLabel("A new card").check();
    await page.getByLabel("Card number").fill("4000 0000 0000 9995");
    await expectStripeBadge(page, ".card-form");
    await shot(page, "03-payment-form");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("The card was declined: insufficient funds.");
    await shot(page, "04-declined");
    await webhookSays(first, 1, "requires_payment_method", "insufficient_funds");
    await page.getByRole("button", { name: "Try again with another card" }).click();

    // Another card whose bank asks for 3-D Secure.
    await page.getByLabel("A new card").check();
    await page.getByLabel("Card number").fill("4000 0025 0000 3155");
    await page.getByRole("button", { name: "Pay $45.00" }).click();
    const bank = page.getByRole("dialog", { name: "3-D Secure authentication" });
    await expect.poll(() => bank.count()).toBe(1);
    await shot(page, "05-3d-secure");
    await bank.getByRole("button", { name: "Complete authentication" }).click();
    await page.waitForURL(`${web}/book/sparkle/bookings/${first}`);
    // Stripe's webhook has not arrived yet: the receipt says the payment is being confirmed, with nothing to pay.
    await expect.poll(() => page.getByText("Thank you: your payment is being confirmed").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Pay now" }).count()).toBe(0);
    expect((await payments(first)).map((p) => p.attempt)).toEqual([1, 2]);
    const calls = (await standInCalls(page)).map((c) => c.method);
    expect(calls.filter((m) => m === "confirmPayment" || m === "handleNextAction")).toEqual([
      "confirmPayment",
      "confirmPayment",
      "handleNextAction",
    ]);
    await webhookSays(first, 2, "succeeded");
    await page.getByRole("button", { name: "Refresh status" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Receipt");
    expect(await page.locator(".summary .pill").textContent()).toBe("Paid");
    await shot(page, "06-receipt");

    // Save a card for next time.
    await page.getByRole("link", { name: "Saved cards" }).click();
    await page.getByRole("button", { name: "Add a card" }).click();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await expectStripeBadge(page, ".card-form");
    await shot(page, "07-save-card-form");
    await page.getByRole("button", { name: "Save card" }).click();
    await expect.poll(() => page.getByText("Card saved").count()).toBe(1);
    expect((await standInCalls(page)).some((c) => c.method === "confirmSetup")).toBe(true);
    await expect.poll(() => page.getByText("Visa ending 4242 (expires 08/2030)").count()).toBe(1);
    await shot(page, "08-saved-cards");

    // The next booking, paid with the saved card.
    await page.getByRole("link", { name: "Book", exact: true }).click();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/pay$/);
    const second = bookingIdIn(page.url());
    await page.getByLabel("Visa ending 4242 (expires 08/2030)").check();
    await expectStripeBadge(page, ".card-form");
    await shot(page, "09-pay-with-saved-card");
    await page.getByRole("button", { name: "Pay $45.00 with the card ending 4242" }).click();
    await page.waitForURL(`${web}/book/sparkle/bookings/${second}`);
    const savedPay = (await standInCalls(page)).find((c) => c.method === "confirmCardPayment");
    expect(savedPay?.paymentMethod).toMatch(/^pm_/);
    expect(savedPay?.clientSecret).toMatch(/_secret_/);
    await context.close();

    // The admin sees both bookings and refunds part of the paid one.
    await admin.getByRole("link", { name: "Bookings" }).click();
    await expect.poll(() => admin.getByRole("row").count()).toBe(3);
    await admin.goto(`${web}/app/bookings/${first}`);
    await fill(admin, { "Amount to refund": "10.00" });
    await admin.getByRole("button", { name: "Review refund" }).click();
    await admin.getByRole("button", { name: "Yes, refund $10.00" }).click();
    await expect.poll(() => admin.getByText("Refund sent to Stripe").count()).toBe(1);
    await expect.poll(() => admin.locator(".summary .pill").first().textContent()).toBe("Partly refunded");
    await shot(admin, "10-admin-refund");
    await admin.close();
  });
});
