// Saved cards against stripe-mock: one Stripe customer per customer user, a SetupIntent per opened form,
// and a card removed only when it really is the customer's.
import { describe, expect, it } from "vitest";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { callerFor, newBusiness, newCustomer, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

async function customerOf(mode: "direct" | "connect" | null) {
  const biz = await newBusiness(t.db, "cards");
  if (mode) await setUpPayments(deps, biz.auth.tenant.id, { mode });
  const customer = await newCustomer(t.db, biz.slug);
  return { tenantId: biz.auth.tenant.id, customer, caller: callerFor(deps, customer.auth).caller };
}

const stripeCustomerOf = async (userId: string) =>
  (
    await t.db
      .selectFrom("stripe_customers")
      .select("stripe_customer_id")
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow()
  ).stripe_customer_id;

describe("saving a card", () => {
  it.each(["direct", "connect"] as const)(
    "%s: one Stripe customer, a new SetupIntent for each form opened",
    async (mode) => {
      const { tenantId, customer, caller } = await customerOf(mode);
      const first = await caller.savedCards.startSetup();
      expect(first.publishableKey).toBe("pk_test_fieldpayFake5678");
      expect(first.clientSecret).toMatch(/_secret_/);
      await caller.savedCards.startSetup();
      expect(stripe().proxy.sent("POST", "/v1/customers")).toHaveLength(1);
      const setups = stripe().proxy.sent("POST", "/v1/setup_intents");
      const userId = customer.auth.user.id;
      expect(setups.map((r) => r.headers["idempotency-key"])).toEqual([
        `fieldpay:setup_intent:create:${tenantId}:${userId}:1`,
        `fieldpay:setup_intent:create:${tenantId}:${userId}:2`,
      ]);
      expect(setups[0]?.form).toMatchObject({
        customer: await stripeCustomerOf(userId),
        usage: "off_session",
      });
      expect(setups[0]?.headers["stripe-account"]).toBeUndefined();
    },
  );

  it("explains when the business does not take card payments yet", async () => {
    const { caller } = await customerOf(null);
    const error = await rejection(caller.savedCards.startSetup());
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "This business does not take card payments online yet.",
    });
    expect(stripe().proxy.requests).toEqual([]);
  });
});

describe("listing and removing saved cards", () => {
  it("lists the customer's cards and removes only their own", async () => {
    const { customer, caller } = await customerOf("direct");
    const cards = await caller.savedCards.list();
    expect(cards.length).toBeGreaterThan(0);
    expect(cards[0]).toMatchObject({ brand: expect.any(String), last4: expect.stringMatching(/^\d{4}$/) });
    const stripeCustomer = await stripeCustomerOf(customer.auth.user.id);
    const [listed] = stripe().proxy.sent("GET", `/v1/customers/${stripeCustomer}/payment_methods`);
    expect(listed?.query).toMatchObject({ type: "card" });

    const notMine = await rejection(caller.savedCards.remove({ paymentMethodId: "pm_someoneelse" }));
    expect(notMine).toMatchObject({ code: "NOT_FOUND", message: "This card is not saved on your account." });
    expect(stripe().proxy.sent("POST", /\/detach$/)).toEqual([]);

    stripe().proxy.intercept({
      method: "GET",
      path: "/v1/payment_methods/pm_mine",
      patch: (body) => ({ ...body, id: "pm_mine", customer: stripeCustomer }),
    });
    expect(await caller.savedCards.remove({ paymentMethodId: "pm_mine" })).toEqual({
      paymentMethodId: expect.any(String),
    });
    const [detach] = stripe().proxy.sent("POST", "/v1/payment_methods/pm_mine/detach");
    expect(detach?.headers["idempotency-key"]).toBe("fieldpay:payment_method:detach:pm_mine");
  });
});
