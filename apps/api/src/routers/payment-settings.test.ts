import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { callerFor, newBusiness, rejection, testDeps } from "../testing/harness.ts";

const t = useTestDatabase();

// Obvious fakes; stripe-mock accepts any well-formed test key.
const SECRET = "sk_test_fieldpayFake1234";
const PUBLISHABLE = "pk_test_fieldpayFake5678";
const WEBHOOK = "whsec_fieldpayFakeOne1";
const SECRET_MATERIAL = /(sk|rk)_(test|live)_[A-Za-z0-9]{4,}|whsec_[A-Za-z0-9]{4,}/;

const valid = {
  mode: "direct" as const,
  publishableKey: PUBLISHABLE,
  secretKey: SECRET,
  connectAccountType: "express" as const,
  commissionPercent: "0",
  commissionFixed: "0",
  currency: "usd",
};

async function admin() {
  const biz = await newBusiness(t.db);
  return { biz, caller: callerFor(testDeps(t.db), biz.auth).caller };
}

const rowsFor = (tenantId: string) =>
  t.db.selectFrom("payment_settings").selectAll().where("tenant_id", "=", tenantId).execute();

describe("payment settings", () => {
  it("saves keys Stripe accepts, shows the secret only as a hint, and seals it at rest", async () => {
    const { biz, caller } = await admin();
    const saved = await caller.paymentSettings.update({ ...valid, webhookSecret: WEBHOOK });
    expect(saved.settings).toMatchObject({
      mode: "direct",
      publishableKey: PUBLISHABLE,
      secretKeyHint: "sk_test_…1234",
      webhookSecretHint: "whsec_…One1",
      keyMode: "test",
    });
    expect(saved.settings.stripeAccountId).toMatch(/^acct_/);
    expect(saved.settings.endpoints.account.url).toBe(
      `https://hooks.fieldpay.test/webhooks/stripe/${biz.auth.tenant.id}`,
    );
    expect(saved.settings.endpoints.connect.url).toMatch(/\/connect$/);
    const read = await caller.paymentSettings.get();
    for (const response of [saved, read]) expect(JSON.stringify(response)).not.toMatch(SECRET_MATERIAL);
    const [row] = await rowsFor(biz.auth.tenant.id);
    expect(Buffer.from(row!.secret_key_sealed).toString("latin1")).not.toContain("fieldpayFake");
    expect(Buffer.from(row!.webhook_secret_sealed!).toString("latin1")).not.toContain("fieldpayFake");
  });

  it.each([
    [{ publishableKey: SECRET }, /Publishable key/],
    [{ secretKey: PUBLISHABLE }, /Secret key/],
    [{ secretKey: "sk_live_fieldpayFake1234" }, /test|live/],
    [{ secretKey: "hello" }, /Secret key/],
    [{ webhookSecret: "not-a-secret" }, /starts with whsec_/],
    [{ commissionPercent: "101" }, /from 0 to 100/],
    [{ commissionFixed: "0.123" }, /at most 2 decimal places/],
    [{ commissionPercent: "50.01" }, /^Keep the commission at 50% or less/],
    [{ commissionFixed: "50.01" }, /^Keep the fixed part at \$50\.00 or less/],
    [{ currency: "dollars" }, /three-letter currency code/],
  ])("refuses %o with a clear message and saves nothing", async (override, message) => {
    const { biz, caller } = await admin();
    const error = await rejection(caller.paymentSettings.update({ ...valid, ...override }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(SECRET_MATERIAL);
    expect(await rowsFor(biz.auth.tenant.id)).toHaveLength(0);
  });

  it("names every problem of the long form at once, each under its field, before Stripe is asked", async () => {
    const { biz, caller } = await admin();
    const error = await rejection(
      caller.paymentSettings.update({
        ...valid,
        publishableKey: SECRET,
        commissionPercent: "60",
        webhookSecret: "not-a-secret",
        connectWebhookSecret: "whsec_fine1",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({
      problems: [
        { field: "publishableKey", message: expect.stringMatching(/Publishable key/) },
        { field: "commissionPercent", message: expect.stringMatching(/^Keep the commission at 50% or less/) },
        { field: "webhookSecret", message: "A webhook signing secret starts with whsec_." },
      ],
    });
    expect(error.message).not.toMatch(SECRET_MATERIAL);
    expect(await rowsFor(biz.auth.tenant.id)).toHaveLength(0);
  });

  it("asks for the secret key on first save, then keeps the stored one when left blank", async () => {
    const { biz, caller } = await admin();
    const first = await rejection(caller.paymentSettings.update({ ...valid, secretKey: "" }));
    expect(first.message).toBe("Enter your Stripe Secret key.");
    await caller.paymentSettings.update(valid);
    const sealedBefore = (await rowsFor(biz.auth.tenant.id))[0]!.secret_key_sealed;
    const again = await caller.paymentSettings.update({
      ...valid,
      secretKey: undefined,
      mode: "connect",
      commissionPercent: "12.5",
    });
    expect(again.settings).toMatchObject({
      mode: "connect",
      secretKeyHint: "sk_test_…1234",
      commissionBps: 1250,
    });
    const open = testDeps(t.db).secretBox.open;
    expect(
      open(
        (await rowsFor(biz.auth.tenant.id))[0]!.secret_key_sealed,
        biz.auth.tenant.id,
        "stripe_secret_key",
      ),
    ).toBe(SECRET);
    // The key kept is the one first saved: both the row before and the row after open to it.
    expect(open(sealedBefore, biz.auth.tenant.id, "stripe_secret_key")).toBe(SECRET);
  });

  it("keeps the previous webhook secret while a new one is rolled out", async () => {
    const { biz, caller } = await admin();
    await caller.paymentSettings.update({ ...valid, webhookSecret: WEBHOOK });
    await caller.paymentSettings.update({ ...valid, webhookSecret: "whsec_fieldpayFakeTwo2" });
    const [row] = await rowsFor(biz.auth.tenant.id);
    const box = testDeps(t.db).secretBox;
    expect(box.open(row!.webhook_secret_sealed!, biz.auth.tenant.id, "webhook_secret")).toBe(
      "whsec_fieldpayFakeTwo2",
    );
    expect(
      box.open(row!.webhook_secret_previous_sealed!, biz.auth.tenant.id, "webhook_secret_previous"),
    ).toBe(WEBHOOK);
  });

  it("stores the commission in exact minor units, zero-decimal currencies included", async () => {
    const { caller } = await admin();
    const usd = await caller.paymentSettings.update({
      ...valid,
      commissionPercent: "7.25",
      commissionFixed: "0.30",
    });
    expect(usd.settings).toMatchObject({ commissionBps: 725, commissionFixed: 30, currency: "usd" });
    const jpy = await caller.paymentSettings.update({ ...valid, commissionFixed: "50", currency: "JPY" });
    expect(jpy.settings).toMatchObject({ commissionFixed: 50, currency: "jpy" });
    const bad = await rejection(
      caller.paymentSettings.update({ ...valid, commissionFixed: "0.5", currency: "jpy" }),
    );
    expect(bad.message).toMatch(/JPY has no decimal places/);
  });

  it("lists the webhook URLs before anything is saved", async () => {
    const { biz, caller } = await admin();
    const view = await caller.paymentSettings.get();
    expect(view.settings).toBeNull();
    expect(view.endpoints.account.events).toContain("payment_intent.succeeded");
    // Holds and their capture or lapse, on the business's account and (Standard) the fieldworkers' accounts.
    const holds = [
      "payment_intent.amount_capturable_updated",
      "charge.captured",
      "charge.expired",
      "payment_intent.canceled",
      "setup_intent.succeeded",
    ];
    expect(view.endpoints.account.events).toEqual(expect.arrayContaining(holds));
    expect(view.endpoints.connect.events).toEqual(expect.arrayContaining(holds));
    // Every step of a dispute, on both: a Standard account's direct charge is disputed on the fieldworker's account.
    const disputes = ["created", "updated", "closed", "funds_withdrawn", "funds_reinstated"].map(
      (step) => `charge.dispute.${step}`,
    );
    expect(view.endpoints.account.events).toEqual(expect.arrayContaining(disputes));
    expect(view.endpoints.connect.events).toEqual(expect.arrayContaining(disputes));
    expect(view.endpoints.connect.url).toBe(
      `https://hooks.fieldpay.test/webhooks/stripe/${biz.auth.tenant.id}/connect`,
    );
  });
});
