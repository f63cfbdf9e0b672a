// A job's money in Chromium, in `npm run dev`'s configuration against stripe-mock (the Connect demo business, the
// dev server's Stripe.js stand-in, the worker, and the dev relay playing Stripe's events): the admin gives a
// service a 50% deposit; the customer pays the deposit with 4242; the fieldworker marks the job done from their
// Jobs page; the worker charges the balance to the saved card; the receipt shows both charges and Paid. And the
// card-on-file plan: the customer only saves a card, nothing is charged. Desktop (1280x800) and phone (390x844).
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, staffSignIn } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack({ devStripe: true });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/job-money-${name}.png`, fullPage: true });
const bookingIdIn = (url: string) => /bookings\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";
const pill = (page: Page) => page.locator(".summary .pill").first().textContent();

async function open(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function customerSignIn(page: Page) {
  await page.goto(`${env.stack.webUrl}/book/demo-connect/sign-in`);
  await fill(page, { Email: "customer@demo-connect.test", Password: "fieldpay-customer-2026" });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByLabel("Service").count(), { timeout: 15_000 }).toBe(1);
}

/** The admin adds a service with its own plan through the service form. */
async function addService(admin: Page, name: string, price: string, plan: string, deposit?: string) {
  const form = admin.getByRole("form", { name: "Add a service" });
  await form.getByLabel("Service name").fill(name);
  await form.getByLabel("Price", { exact: true }).fill(price);
  await form.getByLabel("Duration (minutes)").fill("60");
  await form.getByLabel("How customers pay").selectOption({ label: plan });
  if (deposit !== undefined) {
    await form.getByLabel("Deposit as").selectOption({ label: "A percentage of the price" });
    await form.getByLabel("Deposit (%)").fill(deposit);
  }
  await form.getByRole("button", { name: "Add service" }).click();
}

/** The customer books `service` with Sam and lands on its pay page. */
async function book(page: Page, service: string): Promise<string> {
  await page.goto(`${env.stack.webUrl}/book/demo-connect`);
  await page.getByLabel("Service").selectOption({ label: `${service} (60 min)` });
  await page.getByLabel("Fieldworker").selectOption({ label: "Sam Rivera" });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(/\/pay$/);
  return bookingIdIn(page.url());
}

describe("a job's money, offline against stripe-mock", () => {
  it("deposit at booking, job marked done by the fieldworker, balance charged after the job: receipt shows both", {
    timeout: 180_000,
  }, async () => {
    const web = env.stack.webUrl;
    const admin = await open(env.browser, DESKTOP);
    await staffSignIn(admin, env.stack.webUrl, "admin@demo-connect.test", "fieldpay-connect-2026");
    await admin.getByRole("link", { name: "Services" }).click();
    // Customers pick their fieldworker (saved with the business default plan unchanged).
    await admin.getByLabel("Customers choose their fieldworker").check();
    await expect.poll(() => admin.getByLabel("Customers choose their fieldworker").isChecked()).toBe(true);

    // A deposit Stripe cannot take is explained beside the deposit field, in the user's words.
    await addService(admin, "Boiler repair", "120.00", "Deposit when booking, balance after the job", "100");
    const serviceForm = admin.getByRole("form", { name: "Add a service" });
    const depositField = serviceForm.getByLabel("Deposit (%)");
    await expect.poll(() => depositField.getAttribute("aria-invalid")).toBe("true");
    await expect
      .poll(() => serviceForm.locator(".field", { has: admin.getByLabel("Deposit (%)") }).textContent())
      .toContain("Enter a percentage from 1 to 99");
    expect(await serviceForm.locator(".error-summary li").allTextContents()).toEqual([
      "Deposit (%): Enter a percentage from 1 to 99, like 50.",
    ]);
    await shot(admin, "01-admin-deposit-error");
    await depositField.fill("50");
    await serviceForm.getByRole("button", { name: "Add service" }).click();
    const row = admin.getByRole("row", { name: /Boiler repair/ });
    await expect
      .poll(() => row.textContent())
      .toContain("Deposit when booking, balance after the job (50% deposit)");
    await shot(admin, "02-admin-services");

    // The customer pays the deposit: half now, the balance to the same card after the job.
    const customer = await open(env.browser, PHONE);
    await customerSignIn(customer);
    const bookingId = await book(customer, "Boiler repair");
    await expect
      .poll(() => customer.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toContain("Deposit due now: $60.00 of $120.00");
    expect(
      await customer.getByText("The balance ($60.00) is charged to the same card after the job.").count(),
    ).toBe(1);
    await customer.getByLabel("A new card").check();
    await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await shot(customer, "03-phone-pay-deposit");
    await customer.getByRole("button", { name: "Pay $60.00" }).click();
    await customer.waitForURL(`${web}/book/demo-connect/bookings/${bookingId}`);
    await expect.poll(() => pill(customer), { timeout: 20_000 }).toBe("Deposit paid");
    await expect.poll(() => customer.locator(".ledger").textContent()).toContain("Deposit paid");
    await shot(customer, "04-phone-receipt-deposit");

    // Sam marks the job done from their Jobs page; the confirmation says what will be charged.
    const sam = await open(env.browser, PHONE);
    await staffSignIn(sam, env.stack.webUrl, "sam@demo-connect.test", "fieldpay-crew-2026");
    await sam.goto(`${web}/app/jobs`);
    const job = sam
      .getByRole("listitem")
      .filter({ has: sam.getByRole("heading", { name: "Boiler repair for Casey Customer" }) });
    await expect.poll(() => job.locator(".pill").textContent()).toBe("Deposit paid");
    expect(await job.getByLabel("Final amount").inputValue()).toBe("120.00");
    await shot(sam, "05-phone-jobs");
    await job.getByRole("button", { name: "Mark job done" }).click();
    await expect.poll(() => job.getByText("$60.00 is charged to the customer's saved card.").count()).toBe(1);
    await shot(sam, "06-phone-jobs-confirm");
    await job.getByRole("button", { name: "Yes, mark it done" }).click();
    // Marked done before the page is reloaded: a reload while the request is in flight would cancel it.
    await expect.poll(() => job.getByLabel("Final amount").count(), { timeout: 10_000 }).toBe(0);

    // The worker charges the balance off-session; the relay plays Stripe's answer; the job turns Paid.
    await expect
      .poll(
        async () => {
          await sam.reload();
          return job.locator(".pill").textContent();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe("Paid");
    await shot(sam, "07-phone-jobs-paid");

    await customer.reload();
    await expect.poll(() => pill(customer)).toBe("Paid");
    const ledger = await customer.locator(".ledger").textContent();
    expect(ledger).toContain("Deposit paid");
    expect(ledger).toContain("Balance paid");
    expect(await customer.getByRole("heading", { level: 1 }).textContent()).toBe("Receipt");
    await shot(customer, "08-phone-receipt-paid");
    const desktopReceipt = await open(env.browser, DESKTOP);
    await customerSignIn(desktopReceipt);
    await desktopReceipt.goto(`${web}/book/demo-connect/bookings/${bookingId}`);
    await expect.poll(() => pill(desktopReceipt)).toBe("Paid");
    await shot(desktopReceipt, "09-desktop-receipt-paid");

    // The admin's ledger: both charges with each side's share, and a refund chooses its charge (latest first).
    await admin.goto(`${web}/app/bookings/${bookingId}`);
    const table = admin.getByRole("table", { name: "Ledger: charges and refunds" });
    await expect.poll(() => table.getByRole("row").count()).toBe(4);
    expect(await table.getByRole("row", { name: /^Total/ }).textContent()).toContain("$120.00");
    const refundFrom = admin.getByLabel("Refund from");
    expect(await refundFrom.locator("option").first().textContent()).toMatch(/^Balance paid/);
    await shot(admin, "10-admin-ledger");
  });

  it("card on file: the customer only saves a card, nothing is charged", { timeout: 120_000 }, async () => {
    const web = env.stack.webUrl;
    const admin = await open(env.browser, DESKTOP);
    await staffSignIn(admin, env.stack.webUrl, "admin@demo-connect.test", "fieldpay-connect-2026");
    await admin.goto(`${web}/app/services`);
    await addService(admin, "Drain unblocking", "80.00", "Card on file, charged after the job");
    await expect
      .poll(() => admin.getByRole("row", { name: /Drain unblocking/ }).textContent())
      .toContain("Card on file, charged after the job");

    const customer = await open(env.browser, DESKTOP);
    await customerSignIn(customer);
    const bookingId = await book(customer, "Drain unblocking");
    await expect
      .poll(() => customer.getByRole("heading", { level: 1 }).textContent())
      .toBe("Save a card for your booking");
    await expect
      .poll(() => customer.getByText("Nothing is charged now: your card is kept on file").count())
      .toBeGreaterThan(0);
    await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await shot(customer, "11-desktop-save-card");
    await customer.getByRole("button", { name: "Save card" }).click();
    await customer.waitForURL(`${web}/book/demo-connect/bookings/${bookingId}`);
    // "…is being saved" until Stripe's setup_intent.succeeded arrives through the relay, then "…is saved".
    await expect
      .poll(() => customer.getByText("Thank you: your card is saved").count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => pill(customer), { timeout: 20_000 }).toBe("Card saved");
    expect(await customer.locator(".ledger").count()).toBe(0);
    await shot(customer, "12-desktop-card-saved");
    const booking = await env.db.db
      .selectFrom("bookings")
      .select(["status", "card_payment_method_id"])
      .where("id", "=", bookingId)
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe("card_saved");
    expect(booking.card_payment_method_id).toMatch(/^pm_/);
  });

  it("the bank asks the customer to confirm the balance: 'Pay the balance' completes it", {
    timeout: 180_000,
  }, async () => {
    const web = env.stack.webUrl;
    const admin = await open(env.browser, DESKTOP);
    await staffSignIn(admin, env.stack.webUrl, "admin@demo-connect.test", "fieldpay-connect-2026");
    await admin.goto(`${web}/app/services`);
    await addService(admin, "Leak repair", "100.00", "Deposit when booking, balance after the job", "50");
    await expect.poll(() => admin.getByRole("row", { name: /Leak repair/ }).count()).toBe(1);

    // The deposit with a card whose bank asks for 3-D Secure on every payment, off-session ones too.
    const customer = await open(env.browser, PHONE);
    await customerSignIn(customer);
    const bookingId = await book(customer, "Leak repair");
    await customer.getByLabel("A new card").check();
    await customer.getByLabel("Card number").fill("4000 0027 6000 3184");
    await customer.getByRole("button", { name: "Pay $50.00" }).click();
    await customer
      .getByRole("dialog", { name: "3-D Secure authentication" })
      .getByRole("button", { name: "Complete authentication" })
      .click();
    await customer.waitForURL(`${web}/book/demo-connect/bookings/${bookingId}`);
    await expect.poll(() => pill(customer), { timeout: 20_000 }).toBe("Deposit paid");

    // The admin marks it done for more than the price, with the reason the customer sees.
    await admin.goto(`${web}/app/bookings/${bookingId}`);
    const form = admin.getByRole("form", { name: "Mark job done: Leak repair" });
    await form.getByLabel("Final amount").fill("130.00");
    await form.getByRole("button", { name: "Mark job done" }).click();
    await expect.poll(() => form.getByLabel("Reason").getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("Reason").fill("Extra parts: new valve");
    await form.getByRole("button", { name: "Mark job done" }).click();
    await expect
      .poll(() => form.getByText("$80.00 is charged to the customer's saved card.").count())
      .toBe(1);
    await shot(admin, "13-admin-mark-done-confirm");
    await form.getByRole("button", { name: "Yes, mark it done" }).click();
    await expect.poll(() => admin.getByText(/^Done .*, final amount \$130\.00/).count()).toBe(1);

    // The worker's off-session charge needs the customer: the receipt says so and "Pay the balance" completes it.
    await expect
      .poll(
        async () => {
          await customer.reload();
          return pill(customer);
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe("Balance due");
    await expect.poll(() => customer.getByText("The job is done: $80.00 is left to pay").count()).toBe(1);
    await shot(customer, "14-phone-balance-due");
    await customer.getByRole("link", { name: "Pay the balance" }).click();
    await customer.waitForURL(/\/pay$/);
    await expect
      .poll(() => customer.getByRole("heading", { level: 1 }).textContent())
      .toBe("Pay the balance");
    await shot(customer, "15-phone-pay-balance");
    await customer.getByLabel("Card number").fill("4000 0027 6000 3184");
    await customer.getByRole("button", { name: "Pay $80.00" }).click();
    await customer
      .getByRole("dialog", { name: "3-D Secure authentication" })
      .getByRole("button", { name: "Complete authentication" })
      .click();
    await customer.waitForURL(`${web}/book/demo-connect/bookings/${bookingId}`);
    await expect.poll(() => pill(customer), { timeout: 20_000 }).toBe("Paid");
    const ledger = await customer.locator(".ledger").locator("..").textContent();
    expect(ledger).toContain("Deposit paid");
    expect(ledger).toContain("Balance paid");
    expect(ledger).toContain("Extra parts: new valve");
    await shot(customer, "16-phone-receipt-paid");
    await admin.reload();
    const table = admin.getByRole("table", { name: "Ledger: charges and refunds" });
    await expect.poll(() => table.getByRole("row").count()).toBe(4);
    expect(await table.getByRole("row", { name: /^Total/ }).textContent()).toContain("$130.00");
    await shot(admin, "17-admin-ledger");
  });
});
