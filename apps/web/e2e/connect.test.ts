// Stripe Connect in Chromium: the admin invites a fieldworker, the link comes from the dev outbox, the
// fieldworker accepts and is sent to Stripe-hosted onboarding (a stand-in page here, since stripe-mock's link
// points at Stripe), comes back, and sees where their account stands; the admin sees the same status.
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, navigate, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

// The worker delivers the emails these tests read from the dev outbox.
const env = useBrowserStack({ worker: true });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/connect-${name}.png`, fullPage: true });

// Stripe's hosted onboarding, as a page that sends the fieldworker back to the return_url we gave Stripe.
const STRIPE_HOSTED = /^https:\/\/(connect\.stripe\.com|[a-z0-9-]+\.dev\.stripe\.me)\//;
function standIn(returnUrl: string) {
  return (route: Route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Stripe onboarding (stand-in)</title><h1>Stripe onboarding (stand-in)</h1>
        <p>${route.request().url()}</p><a href="${returnUrl}">Return to fieldpay</a>`,
    });
}

async function connectSettings(page: Page) {
  await navigate(page, "Payment integration");
  await page.getByLabel(/Stripe Connect: multi-party/).check();
  await fill(page, {
    "Publishable key": "pk_test_fieldpayFake5678",
    "Secret key": "sk_test_fieldpayFake1234",
    "Default commission (%)": "10",
  });
  await page.getByLabel(/^Express/).check();
  await page.getByRole("button", { name: "Check with Stripe and save" }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
    .toMatch(/Stripe accepted your keys/);
}

describe("Stripe Connect: inviting and onboarding a fieldworker", () => {
  it("invite -> link from the outbox -> accept -> Stripe onboarding -> return -> status shown", async () => {
    const admin = await env.browser.newPage();
    await signUpBusiness(admin, env.stack.webUrl, {
      name: "Green Gardens",
      slug: "green",
      admin: "Gia",
      email: "gia@green.test",
      password: "green gardens pw",
    });
    await connectSettings(admin);

    await navigate(admin, "Fieldworkers");
    await fill(admin, { Name: "Finn Field", Email: "finn@example.com" });
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => admin.getByRole("status").first().textContent())
      .toContain("Invitation sent to finn@example.com");
    await shot(admin, "invited");

    await navigate(admin, "Outbox (dev)");
    const link = admin.getByRole("link", { name: /\/invite\// });
    await link.waitFor();
    const inviteUrl = (await link.getAttribute("href")) ?? "";
    expect(inviteUrl).toMatch(new RegExp(`^${env.stack.webUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await shot(admin, "outbox");

    const context = await env.browser.newContext();
    const worker = await context.newPage();
    await context.route(STRIPE_HOSTED, standIn(`${env.stack.webUrl}/app/stripe/return`));
    await worker.goto(inviteUrl);
    await expect
      .poll(() => worker.getByRole("heading", { level: 1 }).textContent())
      .toBe("Join Green Gardens");
    await fill(worker, { "Your name": "Finn Field", "Choose a password": "finn field pw 1" });
    await shot(worker, "accept");
    await worker.getByRole("button", { name: "Accept invitation" }).click();
    await worker.waitForURL(`${env.stack.webUrl}/app/stripe`);
    await expect
      .poll(() => worker.getByRole("heading", { level: 1 }).textContent())
      .toBe("My Stripe account");
    await shot(worker, "my-stripe-before");

    await worker.getByRole("button", { name: "Set up payouts with Stripe" }).click();
    await worker.waitForURL(STRIPE_HOSTED);
    await shot(worker, "stripe-hosted");
    await worker.getByRole("link", { name: "Return to fieldpay" }).click();
    await worker.waitForURL(`${env.stack.webUrl}/app/stripe/return`);
    // stripe-mock's account has not finished onboarding: the return page says so, after asking Stripe.
    await expect
      .poll(() => worker.getByRole("status").first().textContent())
      .toContain("Your Stripe setup isn't finished yet.");
    const page = await worker.content();
    expect(page).toContain("Onboarding incomplete");
    expect(page).toContain("Bank account for payouts");
    expect(page).not.toContain("external_account");
    await shot(worker, "returned");

    // An expired link brings them to refresh_url: a fresh link, straight back to Stripe.
    await worker.goto(`${env.stack.webUrl}/app/stripe/refresh`);
    await worker.waitForURL(STRIPE_HOSTED);

    await navigate(admin, "Fieldworkers");
    const row = admin.getByRole("table", { name: "Fieldworkers" }).getByRole("row", { name: /Finn Field/ });
    await expect.poll(() => row.textContent()).toContain("Onboarding incomplete");
    expect(await admin.getByRole("table", { name: "Invitations" }).textContent()).toContain("Accepted");
    await admin.getByRole("link", { name: "Finn Field" }).click();
    await expect
      .poll(() => admin.getByTestId("account-headline").textContent())
      .toBe("Stripe setup is not finished");
    await shot(admin, "fieldworker-detail");
    await context.close();
    await admin.close();
  });
});
