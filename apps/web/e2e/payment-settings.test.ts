import { describe, expect, it } from "vitest";
import { fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const env = useBrowserStack();

describe("Settings > Financial Settings > Payment integration", () => {
  it("checks the keys with Stripe, explains what is wrong, saves, and never shows the secret again", async () => {
    const page = await env.browser.newPage();
    await signUpBusiness(page, env.stack.webUrl, {
      name: "Tidy Tutors",
      slug: "tidy",
      admin: "Tia",
      email: "tia@tidy.test",
      password: "tidy tutors pw",
    });
    await page.getByRole("link", { name: "Payment integration" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Payment integration");
    expect(await page.locator(".endpoint-url").first().textContent()).toMatch(
      /\/webhooks\/stripe\/[0-9a-f-]{36}$/,
    );

    await page.getByLabel(/Stripe Connect: multi-party/).check();
    await fill(page, {
      "Publishable key": "sk_test_fieldpayFake1234",
      "Secret key": "sk_test_fieldpayFake1234",
    });
    await page.getByRole("button", { name: "Check with Stripe and save" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/Publishable key/);
    await page.screenshot({ path: `${artifactsDir}/settings-error.png`, fullPage: true });

    await fill(page, {
      "Publishable key": "pk_test_fieldpayFake5678",
      "Secret key": "sk_test_fieldpayFake1234",
      "Default commission (%)": "12.5",
      "Plus a fixed amount": "0.30",
      "Signing secret": "whsec_fieldpayFakeOne1",
    });
    await page.getByLabel(/^Express/).check();
    await page.getByRole("button", { name: "Check with Stripe and save" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 })
      .toMatch(/Stripe accepted your keys/);
    await page.screenshot({ path: `${artifactsDir}/settings-saved.png`, fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByText("Saved: sk_test_…1234. Leave blank to keep it.").count()).toBe(1);
    expect(await page.getByLabel("Default commission (%)").inputValue()).toBe("12.5");
    expect(await page.getByLabel("Plus a fixed amount").inputValue()).toBe("0.30");
    const html = await page.content();
    expect(html).not.toContain("sk_test_fieldpayFake1234");
    expect(html).not.toContain("whsec_fieldpayFakeOne1");
    await page.close();
  });
});
