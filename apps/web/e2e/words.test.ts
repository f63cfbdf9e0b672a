// Plain words on every page, in `npm run dev`'s configuration against stripe-mock (the worker and the dev relay
// playing Stripe): statuses are words, never Stripe's codes; dates are "2 Dec 2026, 14:05", never ISO timestamps;
// Stripe ids link to the Stripe Dashboard; the receipt has its number, paid date, card and the business's contact,
// and while a payment is being confirmed it offers nothing to pay; fieldworker pages speak to "you", with one
// empty state until the first job; invitations say what happened to them. Desktop (1280x800) and phone (390x844).
import { PAYMENT_STATUSES, PAYOUT_STATUSES, statusWords } from "@fieldpay/ui/status-pill";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, staffSignIn } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack({ devStripe: true });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/words-${name}.png`, fullPage: true });
const bookingIdIn = (url: string) => /bookings\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";

/** Stripe's codes and machine timestamps: none may reach a page's text. */
const RAW =
  /\b(requires_[a-z_]+|succeeded|payment_failed|in_transit|needs_response|onboarding_incomplete|\d{4}-\d\d-\d\dT|\d{4}-\d\d-\d\d\b)|business day\(s\)|hours ago \(/;

async function open(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function expectPlainWords(page: Page, name: string) {
  const text = await page.locator("body").innerText();
  expect(text, `${name}: ${RAW.exec(text)?.[0]}`).not.toMatch(RAW);
  await shot(page, name);
}

/** The words a payout's or a payment's status may read as on the earnings pages (and "Late" for a late payout). */
const MONEY_STATUS_WORDS = new Set([
  ...PAYOUT_STATUSES.map((s) => statusWords("payout", s).label),
  ...PAYMENT_STATUSES.map((s) => statusWords("payment", s).label),
  "Late",
]);

/** Every status in the page's payout and payment tables is one of the vocabulary's words (never "paid", "in transit"). */
async function expectMoneyStatusWords(page: Page, tables: readonly string[]) {
  const shown: string[] = [];
  for (const name of tables) {
    shown.push(...(await page.getByRole("table", { name, exact: true }).locator(".pill").allTextContents()));
  }
  expect(shown.length, `statuses in ${tables.join(", ")}`).toBeGreaterThan(0);
  for (const words of shown) expect(MONEY_STATUS_WORDS, `"${words}"`).toContain(words.trim());
}

/** A new customer of the demo business (Stripe direct), booking its first service (paid in full). */
async function customerBooks(page: Page, email: string): Promise<string> {
  const web = env.stack.webUrl;
  await page.goto(`${web}/book/demo/sign-up`);
  await fill(page, { "Your name": "Wendy Words", Email: email, Password: "wendy words pw 1" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect.poll(() => page.getByLabel("Service").count(), { timeout: 15_000 }).toBe(1);
  await page.getByLabel("Service").selectOption({ label: "Standard home clean (120 min)" });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(/\/pay$/);
  await page.getByRole("heading", { name: "Pay $90.00" }).waitFor({ timeout: 15_000 });
  return bookingIdIn(page.url());
}

/** The invitation links the dev outbox holds for `to`, oldest first. */
async function inviteLinks(to: string): Promise<string[]> {
  const rows = await env.db.db
    .selectFrom("emails")
    .select(["body", "html"])
    .where("to_address", "=", to)
    .orderBy("created_at")
    .execute();
  const link = new RegExp(`${env.stack.webUrl}/invite/[A-Za-z0-9_-]{43}`);
  return rows.map((r) => link.exec(`${r.body ?? ""} ${r.html ?? ""}`)?.[0] ?? "");
}

describe("plain words everywhere", () => {
  it("the receipt: number, paid date, card, contact; confirming offers nothing to pay; admin pages in words", {
    timeout: 180_000,
  }, async () => {
    const web = env.stack.webUrl;
    const customer = await open(env.browser, DESKTOP);

    // An unpaid booking offers "Pay now"; the same booking just paid, with Stripe still confirming, does not.
    const unpaid = await customerBooks(customer, "wendy@example.com");
    await customer.goto(`${web}/book/demo/bookings/${unpaid}`);
    await expect.poll(() => customer.locator(".summary .pill").textContent()).toBe("Awaiting payment");
    expect(await customer.getByRole("link", { name: "Pay now" }).count()).toBe(1);
    await customer.evaluate(() =>
      window.history.replaceState({ usr: { justPaid: true }, key: "w", idx: 0 }, ""),
    );
    await customer.reload();
    await expect.poll(() => customer.getByText("Thank you: your payment is being confirmed").count()).toBe(1);
    expect(await customer.locator(".summary .pill").textContent()).toBe("Being confirmed by Stripe");
    expect(await customer.getByRole("link", { name: "Pay now" }).count()).toBe(0);
    expect(await customer.getByText("Awaiting payment").count()).toBe(0);
    await expectPlainWords(customer, "01-desktop-confirming");

    // Paid with 4242: the relay plays Stripe's events (payment_intent.succeeded and charge.succeeded).
    // The saved card (stripe-mock lists one for every customer) is preselected.
    await customer.goto(`${web}/book/demo/bookings/${unpaid}/pay`);
    const saved = customer.getByLabel("Visa ending 4242 (expires 08/2030)");
    await expect.poll(() => saved.isChecked(), { timeout: 15_000 }).toBe(true);
    await shot(customer, "02-desktop-pay-saved-card");
    await customer.getByRole("button", { name: "Pay $90.00 with the card ending 4242" }).click();
    await customer.waitForURL(`${web}/book/demo/bookings/${unpaid}`);
    await expect
      .poll(() => customer.locator(".summary .pill").textContent(), { timeout: 20_000 })
      .toBe("Paid");
    await expect
      .poll(() => customer.locator(".summary").textContent(), { timeout: 20_000 })
      .toContain("Visa ending 4242");
    const summary = (await customer.locator(".summary").innerText()).replaceAll("\n", " ");
    expect(summary).toMatch(/Receipt number\s+R-[0-9A-F]{8}/);
    expect(summary).toMatch(/Paid on\s+\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
    expect(await customer.locator(".receipt-contact").innerText()).toBe(
      "Questions about this booking? Contact Demo Field Services at admin@demo.test.",
    );
    expect(await customer.getByRole("link", { name: "Pay now" }).count()).toBe(0);
    await expectPlainWords(customer, "03-desktop-receipt");
    const phone = await open(env.browser, PHONE);
    await phone.goto(`${web}/book/demo/sign-in`);
    await fill(phone, { Email: "wendy@example.com", Password: "wendy words pw 1" });
    await phone.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => phone.getByLabel("Service").count(), { timeout: 15_000 }).toBe(1);
    await phone.goto(`${web}/book/demo/bookings/${unpaid}`);
    await expect.poll(() => phone.locator(".summary").textContent()).toContain("Visa ending 4242");
    await expectPlainWords(phone, "04-phone-receipt");
    await phone.goto(`${web}/book/demo/bookings`);
    await expect.poll(() => phone.getByText("Paid", { exact: true }).count()).toBeGreaterThan(0);
    await expectPlainWords(phone, "05-phone-my-bookings");

    // The admin: the payment's status in words, its id linked to the Dashboard in test mode.
    const admin = await open(env.browser, DESKTOP);
    await staffSignIn(admin, env.stack.webUrl, "admin@demo.test", "fieldpay-demo-2026");
    await admin.goto(`${web}/app/bookings/${unpaid}`);
    const intent = admin.locator(".summary a.stripe-link").first();
    await expect
      .poll(() => intent.getAttribute("href"))
      .toMatch(/^https:\/\/dashboard\.stripe\.com\/test\/payments\/pi_/);
    expect(await admin.locator(".summary").innerText()).toMatch(
      /Payment\s+Paid On your Stripe account\s+Attempt 1: pi_/,
    );
    await expectPlainWords(admin, "05-desktop-admin-booking");
    await admin.goto(`${web}/app/bookings`);
    await expect.poll(() => admin.getByRole("row").count()).toBeGreaterThan(1);
    await expectPlainWords(admin, "06-desktop-admin-bookings");

    // A business taking payments directly cannot invite fieldworkers, and is told how to switch.
    await admin.goto(`${web}/app/fieldworkers`);
    await expect.poll(() => admin.getByText("Invitations need Stripe Connect").count()).toBe(1);
    expect(await admin.getByRole("button", { name: "Send invitation" }).count()).toBe(0);
    await expectPlainWords(admin, "07-desktop-direct-fieldworkers");

    // Its health report does not claim Connect is "turned on: Passed".
    await admin.goto(`${web}/app/health`);
    await admin.getByRole("button", { name: "Run checks now" }).first().click();
    await expect
      .poll(() => admin.getByText("Payments taken directly (Stripe Connect not needed)").count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await admin.getByText("Stripe Connect turned on").count()).toBe(0);
    await expectPlainWords(admin, "08-desktop-health");
  });

  it("Connect: admin pages in words, invitations say what happened, fieldworker pages speak to you", {
    timeout: 180_000,
  }, async () => {
    const web = env.stack.webUrl;
    const admin = await open(env.browser, DESKTOP);
    await staffSignIn(admin, env.stack.webUrl, "admin@demo-connect.test", "fieldpay-connect-2026");
    // The Overview's period is dates in the one format (<When>), never "Dec 4".
    const period = admin.locator(".overview-period");
    await expect.poll(() => period.locator("time").count(), { timeout: 15_000 }).toBe(4);
    expect(await period.textContent()).toMatch(
      /^\d{1,2} [A-Z][a-z]{2} \d{4} – \d{1,2} [A-Z][a-z]{2} \d{4}, compared with \d{1,2} [A-Z][a-z]{2} \d{4} – /,
    );
    await expectPlainWords(admin, "10-desktop-overview");

    // The seeded fieldworker's money: payout statuses in words, Stripe ids linked.
    await admin.goto(`${web}/app/fieldworkers`);
    await admin.getByRole("link", { name: "Sam Rivera" }).click();
    await expect.poll(() => admin.getByRole("table", { name: "Past payouts" }).count()).toBe(1);
    expect(await admin.locator("a.stripe-link[href*='/test/connect/transfers/tr_']").count()).toBeGreaterThan(
      0,
    );
    await expectMoneyStatusWords(admin, ["Past payouts", "Upcoming payouts", "Payments received"]);
    await expectPlainWords(admin, "11-desktop-admin-fieldworker");
    for (const [path, name] of [
      ["/app/payouts", "12-desktop-payouts"],
      ["/app/disputes", "13-desktop-disputes"],
    ] as const) {
      await admin.goto(`${web}${path}`);
      await expect.poll(() => admin.getByRole("heading", { level: 1 }).count()).toBe(1);
      await expect.poll(() => admin.getByText("Loading…").count()).toBe(0);
      await expectPlainWords(admin, name);
    }

    // Invite, then "Send again": the first link says a newer one was sent, not that the business withdrew it.
    await admin.goto(`${web}/app/fieldworkers`);
    await fill(admin, { Name: "Nia New", Email: "nia@example.com" });
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => admin.getByRole("status").first().textContent())
      .toContain("Invitation sent to nia@example.com");
    await admin
      .getByRole("table", { name: "Invitations" })
      .getByRole("button", { name: "Send again" })
      .click();
    await expect.poll(async () => (await inviteLinks("nia@example.com")).filter(Boolean).length).toBe(2);
    // The admin's list says the first one was replaced, not withdrawn.
    await expect
      .poll(() => admin.getByRole("table", { name: "Invitations" }).textContent())
      .toContain("Replaced by a newer one");
    const [oldLink = "", newLink = ""] = await inviteLinks("nia@example.com");
    const nia = await open(env.browser, PHONE);
    await nia.goto(oldLink);
    await expect.poll(() => nia.getByRole("alert").textContent()).toContain("A newer invitation was sent");
    expect(await nia.locator("body").innerText()).not.toContain("withdrew");
    await expectPlainWords(nia, "14-phone-invitation-replaced");

    // The newest link: the name the business wrote is filled in, and the steps to being paid are shown.
    await nia.goto(newLink);
    await expect
      .poll(() => nia.getByRole("heading", { level: 1 }).textContent())
      .toBe("Join Demo Connect Crew");
    expect(await nia.getByLabel("Your name", { exact: true }).inputValue()).toBe("Nia New");
    const steps = nia.getByRole("list", { name: "Your progress" });
    expect(await steps.getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringContaining("Choose a password"),
      expect.stringContaining("Set up Stripe"),
      expect.stringContaining("Ready to be paid"),
    ]);
    await expectPlainWords(nia, "15-phone-accept");
    await fill(nia, { "Choose a password": "nia new pw 12" });
    await nia.getByRole("button", { name: "Accept invitation" }).click();
    await nia.waitForURL(`${web}/app/stripe`);
    const progress = nia.getByRole("list", { name: "Your progress" });
    await expect.poll(() => progress.locator(".step-done").count()).toBe(1);
    expect(await progress.locator("[aria-current=step]").innerText()).toContain("Stripe account set up");
    await expectPlainWords(nia, "16-phone-my-stripe");

    // Before the first job: one friendly empty state, no tables.
    await nia.goto(`${web}/app/earnings`);
    await expect.poll(() => nia.getByText("No earnings yet").count()).toBe(1);
    expect(await nia.getByRole("table").count()).toBe(0);
    await expect.poll(() => nia.getByRole("link", { name: "Finish setting up Stripe" }).count()).toBe(1);
    const empty = (await nia.locator("main").textContent()) ?? "";
    expect(empty).toContain("you did");
    expect(empty).not.toMatch(/application fee/i);
    await expectPlainWords(nia, "17-phone-earnings-empty");
    await nia.goto(`${web}/app/jobs`);
    await expect.poll(() => nia.getByText("No jobs yet").count()).toBe(1);
    await expectPlainWords(nia, "18-phone-jobs-empty");

    // A fieldworker with jobs: "your share", "the business's commission", never "application fees".
    for (const [viewport, label] of [
      [PHONE, "phone"],
      [DESKTOP, "desktop"],
    ] as const) {
      const sam = await open(env.browser, viewport);
      await staffSignIn(sam, env.stack.webUrl, "sam@demo-connect.test", "fieldpay-crew-2026");
      await sam.goto(`${web}/app/earnings`);
      await expect.poll(() => sam.getByRole("table", { name: "Payments for your jobs" }).count()).toBe(1);
      await shot(sam, `19-${label}-earnings`);
      const text = (await sam.locator("main").textContent()) ?? "";
      expect(text).toContain("Your share");
      expect(text).toContain("The business's commission");
      expect(text).not.toMatch(/application fee|Fieldworker's share/i);
      await expectMoneyStatusWords(sam, ["Upcoming payouts", "Past payouts", "Payments for your jobs"]);
      await expectPlainWords(sam, `19-${label}-earnings`);
      await sam.goto(`${web}/app/jobs`);
      await expect.poll(() => sam.getByRole("heading", { level: 1 }).textContent()).toBe("Your jobs");
      await expectPlainWords(sam, `20-${label}-jobs`);
    }
  });
});
