// The developer's offline journey, in `npm run dev`'s configuration against stripe-mock: the demo business as
// the seed makes it, Stripe.js served by the dev server's stand-in (no page.route), and Stripe's webhooks played by
// the dev relay through the worker's real, signature-checking endpoint. A customer books, is declined, passes
// 3-D Secure, and the booking turns Paid by the webhook alone; the admin refunds it and Stripe's charge.refunded
// follows.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack({ devStripe: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/dev-stack-${name}.png`, fullPage: true });
const bookingIdIn = (url: string) => /bookings\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";

/** The events the worker stored for the demo business, oldest first, with whether each was applied. */
async function storedEvents() {
  const rows = await env.db.db
    .selectFrom("webhook_events")
    .select(["id", "type", "processed_at"])
    .orderBy("received_at")
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, applied: r.processed_at !== null }));
}

describe("npm run dev against stripe-mock", () => {
  it("takes a payment end to end offline: decline, 3-D Secure, Paid by webhook, refunded", async () => {
    const web = env.stack.webUrl;
    const page = await env.browser.newPage();
    const stripeRequests: string[] = [];
    page.on("request", (r) => r.url().includes("stripe.com") && stripeRequests.push(r.url()));
    await page.goto(`${web}/book/demo/sign-up`);
    await fill(page, {
      "Your name": "Devi Developer",
      Email: "devi@example.com",
      Password: "devi's password",
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByLabel("Service").selectOption({ label: "Standard home clean (120 min)" });
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/pay$/);
    const bookingId = bookingIdIn(page.url());

    await page.getByLabel("A new card").check();
    await page.getByLabel("Card number").fill("4000 0000 0000 0002");
    await shot(page, "01-pay");
    await page.getByRole("button", { name: "Pay $90.00" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("declined");
    await shot(page, "02-declined");
    await page.getByRole("button", { name: "Try again with another card" }).click();

    await page.getByLabel("A new card").check();
    await page.getByLabel("Card number").fill("4000 0027 6000 3184");
    await page.getByRole("button", { name: "Pay $90.00" }).click();
    const bank = page.getByRole("dialog", { name: "3-D Secure authentication" });
    await expect.poll(() => bank.count()).toBe(1);
    await shot(page, "03-3d-secure");
    await bank.getByRole("button", { name: "Complete authentication" }).click();
    await page.waitForURL(`${web}/book/demo/bookings/${bookingId}`);
    // Nobody clicks "Refresh status": only the relayed webhook can make it Paid.
    await expect.poll(() => page.locator(".summary .pill").textContent(), { timeout: 20_000 }).toBe("Paid");
    await shot(page, "04-receipt-paid");
    expect(stripeRequests).toEqual([]);

    const events = await storedEvents();
    expect(events.map((e) => e.type)).toEqual([
      "payment_intent.payment_failed",
      "payment_intent.requires_action",
      "payment_intent.succeeded",
      // The charge, carrying the card the receipt shows.
      "charge.succeeded",
    ]);
    expect(events.every((e) => e.applied)).toBe(true);

    const admin = await env.browser.newPage();
    await admin.goto(`${web}/sign-in`);
    await fill(admin, { Email: "admin@demo.test", Password: "fieldpay-demo-2026" });
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.waitForURL(`${web}/app`);
    await admin.goto(`${web}/app/bookings/${bookingId}`);
    await expect.poll(() => admin.locator(".summary .pill").first().textContent()).toBe("Paid");
    await admin.getByRole("button", { name: "Review refund" }).click();
    await admin.getByRole("button", { name: /^Yes, refund/ }).click();
    // A full refund leaves nothing to refund: the form gives way to the refund's row.
    await expect.poll(() => admin.locator(".summary .pill").first().textContent()).toBe("Refunded");
    await shot(admin, "05-admin-refunded");
    await expect
      .poll(
        async () => (await storedEvents()).filter((e) => e.type === "charge.refunded" && e.applied).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await page.reload();
    await expect.poll(() => page.locator(".summary .pill").textContent()).toBe("Refunded");
    await shot(page, "06-receipt-refunded");

    // The worker delivered Devi's receipt and refund email to the dev outbox, where the admin reads them.
    await admin.getByRole("link", { name: "Outbox (dev)" }).click();
    const mails = admin.locator("article").filter({ hasText: "To devi@example.com" });
    await expect
      .poll(async () => (await mails.allTextContents()).join("\n"), { timeout: 20_000 })
      .toMatch(/refunded \$90\.00[\s\S]*receipt for \$90\.00/);
    await shot(admin, "07-outbox");
  });
});
