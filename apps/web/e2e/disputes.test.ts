// The admin answering a dispute in Chromium against the real api (Stripe calls to stripe-mock) and Vite: a
// business set up through its pages, a paid booking, and a customer's bank opening a dispute on it (stored as the
// worker stores charge.dispute.created). The admin finds it under Disputes with its deadline counting down and
// the reason explained, checks what fieldpay fills in from the booking, adds the messages and a photo, submits
// after the confirmation, and sees it submitted on the dispute and on the booking. Desktop and phone.
import { applyDisputeSnapshot } from "@fieldpay/db/repositories/disputes";
import { insertUser } from "@fieldpay/db/repositories/users";
import { seedBooking } from "@fieldpay/db/testing/booking";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/disputes-${name}.png`, fullPage: true });
// A 1×1 PNG, as a photo of the finished work.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function open(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** A business signed up and given its (stripe-mock) keys through its own pages, as an admin does. */
async function business(page: Page, slug: string) {
  const web = env.stack.webUrl;
  await signUpBusiness(page, web, {
    name: `Tidy ${slug}`,
    slug,
    admin: "Tess",
    email: `tess@${slug}.test`,
    password: "tidy homes pw 1",
  });
  await page.goto(`${web}/app/settings/payments`);
  await fill(page, {
    "Publishable key": "pk_test_fieldpayFake5678",
    "Secret key": "sk_test_fieldpayFake1234",
    "Signing secret": "whsec_fieldpayFakeOne1",
  });
  await page.getByRole("button", { name: "Check with Stripe and save" }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
    .toMatch(/Stripe accepted your keys/);
  const tenant = await env.db.db
    .selectFrom("tenants")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return tenant.id;
}

/** A paid booking of a customer's, done, then disputed by the customer's bank (as the worker records it). */
async function disputedBooking(tenantId: string) {
  const db = env.db.db;
  const customer = await insertUser(db, {
    tenant_id: tenantId,
    role: "customer",
    email: "casey@customer.test",
    name: "Casey Customer",
    password_hash: null,
  });
  const { bookingId } = await seedBooking(db, tenantId, customer.id, {
    price: 12_000,
    serviceName: "Deep clean",
  });
  await db
    .updateTable("bookings")
    .set({ status: "paid", done_at: new Date(), final_amount: 12_000 })
    .where("id", "=", bookingId)
    .execute();
  const paymentIntentId = `pi_e2e${bookingId.replaceAll("-", "").slice(0, 16)}`;
  await db
    .insertInto("payments")
    .values({
      tenant_id: tenantId,
      booking_id: bookingId,
      attempt: 1,
      payment_intent_id: paymentIntentId,
      status: "succeeded",
      amount: 12_000,
      currency: "usd",
      charge_type: "direct",
      stripe_event_at: new Date(),
    })
    .execute();
  const id = `du_e2e${bookingId.replaceAll("-", "").slice(0, 16)}`;
  const now = Date.now();
  await applyDisputeSnapshot(db, {
    tenantId,
    onAccount: null,
    eventAt: new Date(now),
    dispute: {
      id,
      chargeId: `ch_e2e${bookingId.slice(0, 8)}`,
      paymentIntentId,
      reason: "product_not_received",
      amount: 12_000,
      currency: "usd",
      status: "needs_response",
      // Two days and a bit: inside the last 72 hours, so the countdown is urgent.
      dueBy: new Date(now + 2 * 86_400_000 + 5 * 3_600_000 + 600_000),
      fee: 1_500,
      withdrawn: 12_000,
      withdrawnAt: new Date(now),
      reinstated: 0,
      reinstatedAt: null,
      createdAt: new Date(now),
    },
  });
  return { id, bookingId };
}

describe("a dispute, answered from fieldpay", () => {
  it.each([
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const)("on a %s", { timeout: 120_000 }, async (name, viewport) => {
    const page = await open(env.browser, viewport);
    const web = env.stack.webUrl;
    const dispute = await disputedBooking(await business(page, `tidy-${name}`));
    if (name === "desktop") await page.getByRole("link", { name: "Disputes", exact: true }).click();
    else await page.goto(`${web}/app/disputes`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Disputes");
    const row = page.getByRole("row").filter({ has: page.locator(`a[href="/app/disputes/${dispute.id}"]`) });
    await expect
      .poll(() => row.textContent())
      .toMatch(/2 days 5 hours left.*product not received.*Needs your response/);
    await shot(page, `${name}-list`);

    await row.getByRole("link").click();
    const card = page.locator(".dispute-card");
    await expect
      .poll(() => card.textContent())
      .toMatch(/The customer says the service they paid for was never done\./);
    await expect.poll(() => card.locator(".countdown-urgent").textContent()).toMatch(/^2 days 5 hours left/);
    expect(await card.getByRole("listitem").first().textContent()).toMatch(/job-done record/);
    await card.getByText("What fieldpay sends from the booking").click();
    await expect
      .poll(() => card.locator(".evidence-prefill").textContent())
      .toMatch(/Job-done record \(PDF\).*Final amount/);
    await shot(page, `${name}-dispute`);

    await card.getByLabel("Messages with the customer (optional)").fill("Customer: all done, thank you!");
    await card
      .getByLabel("Your explanation (optional)")
      .fill("The work was done and the customer thanked us.");
    await card.getByLabel("A photo or document (optional)").setInputFiles({
      name: "finished-work.png",
      mimeType: "image/png",
      buffer: PHOTO,
    });
    await card.getByRole("button", { name: "Submit evidence" }).click();
    await expect.poll(() => card.getByText("Submit this evidence to the bank?").count()).toBe(1);
    await shot(page, `${name}-confirm`);
    await card.getByRole("button", { name: "Yes, submit it" }).click();
    await expect
      .poll(() => card.textContent(), { timeout: 15_000 })
      .toMatch(/Evidence submitted.*Sent to the bank on/);
    expect(await card.getByRole("button", { name: "Submit evidence" }).count()).toBe(0);
    expect(await card.locator(".pill").textContent()).toBe("Evidence sent: the bank is deciding");
    await shot(page, `${name}-submitted`);

    await card.getByRole("link", { name: /for / }).first().click();
    await page.waitForURL(`${web}/app/bookings/${dispute.bookingId}`);
    const onBooking = page.locator(".dispute-card");
    await expect.poll(() => onBooking.textContent()).toMatch(/Evidence submitted/);
    await expect.poll(() => page.locator(".summary .pill").first().textContent()).toMatch(/Disputed/i);
    await shot(page, `${name}-booking`);
    await page.context().close();
  });
});
