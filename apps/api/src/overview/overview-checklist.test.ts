// The setup checklist through overview.get on a real database, turning green item by item as a new Stripe Connect
// business does each step: keys, webhooks (and going stale), a service, a first customer, a payable fieldworker.
import { randomUUID } from "node:crypto";
import { insertUser } from "@fieldpay/db/repositories/users";
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { connectedFieldworker, setUpPayments } from "../booking/testing/portal-setup.ts";
import { callerFor, newBusiness, newCustomer, testDeps } from "../testing/harness.ts";

const t = useTestDatabase();

async function receivedEvent(tenantId: string, endpoint: "account" | "connect", hoursAgo: number) {
  await t.db
    .insertInto("webhook_events")
    .values({
      id: `evt_${randomUUID().replaceAll("-", "")}`,
      tenant_id: tenantId,
      endpoint,
      type: "account.updated",
      account: endpoint === "connect" ? "acct_fw" : null,
      livemode: false,
      stripe_created_at: new Date(),
      payload: {},
      received_at: new Date(Date.now() - hoursAgo * 3_600_000),
    })
    .execute();
}

describe("overview setup checklist", () => {
  it("turns green item by item, each with what to do and where", async () => {
    const biz = await newBusiness(t.db, "ov-setup");
    const tenantId = biz.auth.tenant.id;
    const deps = testDeps(t.db);
    const admin = callerFor(deps, biz.auth).caller;
    const setup = async () => (await admin.overview.get({ range: "7d" })).setup;
    const state = async () => Object.fromEntries((await setup()).items.map((item) => [item.id, item.done]));

    // Just signed up: nothing chosen yet, so no fieldworker step either.
    let now = await setup();
    expect(now).toMatchObject({ done: false, completed: 0, total: 4 });
    expect(now.items.map((i) => [i.id, i.action.href])).toEqual([
      ["keys", "/app/settings/payments"],
      ["webhooks", "/app/settings/payments"],
      ["service", "/app/services"],
      ["booking_page", `/book/${biz.slug}`],
    ]);
    expect(now.items[0]?.detail).toMatch(/enter your publishable and secret keys/);

    // Keys checked by Stripe and saved, in Connect mode: a fifth step appears.
    await setUpPayments(deps, tenantId, { mode: "connect" });
    now = await setup();
    expect(now).toMatchObject({ completed: 1, total: 5 });
    expect(now.items.find((i) => i.id === "webhooks")?.detail).toMatch(/Add the account endpoint in Stripe/);

    // Signing secrets saved and notifications arriving on both endpoints.
    const sealed = deps.secretBox.seal("whsec_overviewFake", tenantId, "webhook_secret");
    await t.db
      .updateTable("payment_settings")
      .set({ webhook_secret_sealed: sealed, connect_webhook_secret_sealed: sealed })
      .where("tenant_id", "=", tenantId)
      .execute();
    expect((await setup()).items.find((i) => i.id === "webhooks")?.detail).toMatch(
      /No account notification from Stripe has arrived yet.*No Connect notification/,
    );
    await receivedEvent(tenantId, "account", 1);
    await receivedEvent(tenantId, "connect", 100);
    const stale = (await setup()).items.find((i) => i.id === "webhooks");
    expect(stale).toMatchObject({
      done: false,
      detail: expect.stringMatching(/The last Connect notification from Stripe arrived 4 days ago/),
      action: { href: "/app/health" },
    });
    await receivedEvent(tenantId, "connect", 2);
    expect(await state()).toEqual({
      keys: true,
      webhooks: true,
      service: false,
      booking_page: false,
      fieldworker: false,
    });

    await admin.services.create({ name: "Window cleaning", price: "45.00", durationMinutes: 60 });
    expect((await setup()).items.find((i) => i.id === "service")).toMatchObject({
      done: true,
      detail: "Customers can book 1 service.",
    });

    // The booking page counts as shared once a customer has signed up through it.
    await newCustomer(t.db, biz.slug);
    expect((await state()).booking_page).toBe(true);

    // A fieldworker who has not finished Stripe's onboarding is not enough.
    const fay = await insertUser(t.db, {
      tenant_id: tenantId,
      role: "fieldworker",
      email: `fay-${tenantId.slice(0, 8)}@fw.test`,
      name: "Fay",
      password_hash: null,
    });
    await connectedFieldworker(t.db, tenantId, fay.id, {
      id: `acct_fay${tenantId.slice(0, 8)}`,
      type: "express",
      chargesEnabled: false,
    });
    expect((await setup()).items.find((i) => i.id === "fieldworker")).toMatchObject({
      done: false,
      detail: expect.stringMatching(/None of your fieldworkers can be paid yet/),
      action: { href: "/app/fieldworkers" },
    });
    await t.db
      .updateTable("fieldworker_accounts")
      .set({ status: "active", charges_enabled: true, payouts_enabled: true })
      .where("user_id", "=", fay.id)
      .execute();
    expect(await setup()).toMatchObject({ done: true, completed: 5, total: 5 });
  });

  it("never counts another business's steps", async () => {
    const a = await newBusiness(t.db, "ov-setup-a");
    const b = await newBusiness(t.db, "ov-setup-b");
    const deps = testDeps(t.db);
    await setUpPayments(deps, b.auth.tenant.id, { mode: "direct" });
    await receivedEvent(b.auth.tenant.id, "account", 1);
    await callerFor(deps, b.auth).caller.services.create({
      name: "Gutter clearing",
      price: "80.00",
      durationMinutes: 90,
    });
    await newCustomer(t.db, b.slug);
    expect((await callerFor(deps, a.auth).caller.overview.get({ range: "today" })).setup).toMatchObject({
      completed: 0,
      total: 4,
    });
    // B in Stripe (direct) mode without a webhook secret: everything but the notifications, and no fieldworker step.
    expect((await callerFor(deps, b.auth).caller.overview.get({ range: "today" })).setup).toMatchObject({
      completed: 3,
      total: 4,
    });
  });
});
