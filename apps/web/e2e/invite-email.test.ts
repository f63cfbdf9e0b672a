// With a mail server configured (the worker's SMTP_URL), in Chromium: the admin app has no Outbox, the worker
// delivers the invitation to a real SMTP server on loopback, "Send again" sends a fresh link, and the link in that email lets the fieldworker
// join.
import { startSmtpInbox } from "@fieldpay/worker/testing/smtp-inbox";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { fill, signUpBusiness } from "./flows.ts";
import { artifactsDir, useBrowserStack } from "./harness.ts";

const inbox = await startSmtpInbox({ unknown: ["gone@example.com"] });
afterAll(() => inbox.close());
const env = useBrowserStack({
  workerEnv: { SMTP_URL: inbox.url, MAIL_FROM: "Blue Pools <no-reply@blue.test>" },
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifactsDir}/invite-email-${name}.png`, fullPage: true });

describe("invitations delivered by email", () => {
  it("no Outbox in the app; the email arrives with a link that works", async () => {
    const admin = await env.browser.newPage();
    await signUpBusiness(admin, env.stack.webUrl, {
      name: "Blue Pools",
      slug: "blue",
      admin: "Bo",
      email: "bo@blue.test",
      password: "blue pools pw 1",
    });
    await admin.getByRole("link", { name: "Fieldworkers" }).click();
    expect(await admin.getByRole("link", { name: "Outbox (dev)" }).count()).toBe(0);
    await fill(admin, { Name: "Pia Pool", Email: "pia@example.com" });
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => admin.getByRole("status").first().textContent())
      .toMatch(/Invitation sent to pia@example\.com.*usually arrives within minutes/);
    await shot(admin, "sent");

    // The worker delivers it (the first render loads React Email): well within 20 s.
    await expect.poll(() => inbox.received.length, { timeout: 20_000 }).toBe(1);
    // The admin sees it delivered on the invitation, in words.
    const row = (text: RegExp) => admin.getByRole("row").filter({ hasText: text });
    await expect.poll(() => row(/Pia Pool/).textContent(), { timeout: 10_000 }).toContain("Delivered");
    // The email went astray: the admin sends it again, and the newest link is the one that works.
    await admin.getByRole("button", { name: "Send again" }).click();
    await expect.poll(() => inbox.received.length, { timeout: 20_000 }).toBe(2);
    const mail = inbox.received[1];
    expect(mail).toMatchObject({ from: "no-reply@blue.test", to: ["pia@example.com"] });
    const link = new RegExp(`${env.stack.webUrl}/invite/[A-Za-z0-9_-]{43}`).exec(mail?.text ?? "")?.[0] ?? "";
    expect(link).not.toBe("");

    const worker = await (await env.browser.newContext()).newPage();
    await worker.goto(link);
    await expect.poll(() => worker.getByRole("heading", { level: 1 }).textContent()).toBe("Join Blue Pools");

    // An address the mail server refuses: the invitation says so and what to do, without a server code.
    await fill(admin, { Name: "Gone Person", Email: "gone@example.com" });
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect
      .poll(() => row(/Gone Person/).textContent(), { timeout: 20_000 })
      .toContain("Sending failed: the mail server refused the address.");
    const refused = (await row(/Gone Person/).textContent()) ?? "";
    expect(refused).toContain("Check the address for typos");
    expect(refused).not.toMatch(/\b550\b|EENVELOPE/);
    await shot(admin, "refused");
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, "refused-phone");
    await admin.setViewportSize({ width: 1280, height: 800 });

    // Each admin chooses which alerts are emailed to them, on their Account page.
    await admin.getByRole("link", { name: "Account" }).click();
    const health = admin.getByRole("checkbox", { name: /Health checks/ });
    await expect.poll(() => health.isChecked()).toBe(true);
    await health.uncheck();
    await expect.poll(() => health.isChecked()).toBe(false);
    await admin.reload();
    await expect.poll(() => admin.getByRole("checkbox", { name: /Health checks/ }).isChecked()).toBe(false);
    expect(await admin.getByRole("checkbox", { name: /Disputes/ }).isChecked()).toBe(true);
    await shot(admin, "email-preferences");
  });
});
