// The same booking portal for a Stripe Connect business: the customer picks the fieldworker, pays, and the
// admin sees the split and refunds with the commission and transfer decided explicitly.
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";
import { serveStripeStandIn } from "./stripe-stand-in.ts";

const env = useBrowserStack();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/portal-connect-${name}.png`, fullPage: true });

async function connectBusiness(page: Page, webUrl: string) {
  await signUpBusiness(page, webUrl, {
    name: "Green Gardens",
    slug: "green",
    admin: "Gia",
    email: "gia@green.test",
    password: "green gardens pw",
  });
  await page.goto(`${webUrl}/app/settings/payments`);
  await page.getByLabel(/Stripe Connect: multi-party/).check();
  await fill(page, {
    "Publishable key": "pk_test_fieldpayFake5678",
    "Secret key": "sk_test_fieldpayFake1234",
    "Default commission (%)": "10",
    "Plus a fixed amount": "0.30",
  });
  await page.getByLabel(/^Express/).check();
  await page.getByRole("button", { name: "Check with Stripe and save" }).click();
  await expect
    .poll(() => page.getByText("Saved: Stripe accepted your keys").count(), { timeout: 15_000 })
    .toBe(1);
  await page.goto(`${webUrl}/app/services`);
  await fill(page, { "Service name": "Lawn mowing", Price: "100.00", "Duration (minutes)": "60" });
  await page.getByRole("button", { name: "Add service" }).click();
  await expect.poll(() => page.getByRole("cell", { name: "$100.00" }).count()).toBe(1);
}

/** A fieldworker who finished Stripe onboarding (the Connect flow's result, written directly). */
async function onboardedFieldworker(name: string, accountId: string) {
  const tenant = await env.db.db
    .selectFrom("tenants")
    .select("id")
    .where("slug", "=", "green")
    .executeTakeFirstOrThrow();
  const user = await env.db.db
    .insertInto("users")
    .values({ tenant_id: tenant.id, role: "fieldworker", email: `${name.toLowerCase()}@green.test`, name })
    .returning("id")
    .executeTakeFirstOrThrow();
  await env.db.db
    .insertInto("fieldworker_accounts")
    .values({
      user_id: user.id,
      tenant_id: tenant.id,
      stripe_account_id: accountId,
      account_type: "express",
      status: "active",
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      requirements: {},
      capabilities: { card_payments: "active", transfers: "active" },
    })
    .execute();
}

describe("the booking portal in Stripe Connect mode", () => {
  it("the customer picks a fieldworker and pays; the admin sees the split and refunds explicitly", async () => {
    const web = env.stack.webUrl;
    const admin = await env.browser.newPage();
    await connectBusiness(admin, web);
    await onboardedFieldworker("Wes", "acct_greenwes1");
    await onboardedFieldworker("Fay", "acct_greenfay1");

    const context = await env.browser.newContext();
    await serveStripeStandIn(context);
    const page = await context.newPage();
    await page.goto(`${web}/book/green/sign-up`);
    await fill(page, {
      "Your name": "Carl Customer",
      Email: "carl@example.com",
      Password: "carl's password",
    });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByLabel("Fieldworker").textContent()).toBe("Any availableWesFay");
    await page.getByLabel("Fieldworker").selectOption({ label: "Fay" });
    await shot(page, "01-book");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/pay$/);
    const bookingId = /bookings\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
    await expect.poll(() => page.locator(".summary").textContent()).toContain("Fay");
    await page.getByLabel("A new card").check();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $100.00" }).click();
    await page.waitForURL(`${web}/book/green/bookings/${bookingId}`);
    const payment = await env.db.db
      .selectFrom("payments")
      .selectAll()
      .where("booking_id", "=", bookingId)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      charge_type: "destination",
      fieldworker_account_id: "acct_greenfay1",
      application_fee_amount: 1030,
      fieldworker_net_amount: 8970,
    });
    await applyPaymentIntentSnapshot(env.db.db, {
      tenantId: payment.tenant_id,
      paymentIntentId: payment.payment_intent_id ?? "",
      status: "succeeded",
      eventAt: new Date(),
    });
    await page.getByRole("button", { name: "Refresh status" }).click();
    await expect.poll(() => page.locator(".summary .pill").textContent()).toBe("Paid");
    await shot(page, "02-receipt");
    await context.close();

    await admin.getByRole("link", { name: "Bookings" }).click();
    await expect.poll(() => admin.getByRole("cell", { name: "$10.30" }).count()).toBe(1);
    expect(await admin.getByRole("cell", { name: "$89.70" }).count()).toBe(1);
    await shot(admin, "03-admin-bookings");
    await admin.goto(`${web}/app/bookings/${bookingId}`);
    await fill(admin, { "Amount to refund": "25.00" });
    await admin.getByLabel("Take the refund back from the fieldworker").uncheck();
    await admin.getByRole("button", { name: "Review refund" }).click();
    // Kept by the fieldworker, so the business gives back all of it: the confirmation says so before sending.
    await expect
      .poll(() => admin.locator(".refund-split").textContent())
      .toMatch(/Your business gives back\$25\.00The fieldworker gives back\$0\.00/);
    await admin.getByRole("button", { name: "Yes, refund $25.00" }).click();
    await expect.poll(() => admin.getByText("Refund sent to Stripe").count()).toBe(1);
    const refund = await env.db.db.selectFrom("refunds").selectAll().executeTakeFirstOrThrow();
    expect(refund).toMatchObject({ amount: 2500, refund_application_fee: true, reverse_transfer: false });
    await expect.poll(() => admin.getByRole("cell", { name: "No" }).count()).toBe(1);
    await shot(admin, "04-admin-refund");
    await admin.close();
  });
});
