import { describe, expect, it } from "vitest";
import { seedBooking } from "../testing/booking.ts";
import { testPaymentSettings } from "../testing/payment-settings.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { findBookingToPay } from "./booking-to-pay.ts";
import { savePaymentSettings } from "./payment-settings.ts";
import { openPaymentAttempt } from "./payments.ts";
import { saveStripeCustomer } from "./stripe-customers.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

async function business(label: string) {
  const tenant = await insertTenant(t.db, { slug: `pay-${label}`, name: `Pay ${label}` });
  const customer = (n: number) =>
    insertUser(t.db, {
      tenant_id: tenant.id,
      role: "customer",
      email: `c${n}@${label}.test`,
      name: `C${n}`,
      password_hash: null,
    });
  const [casey, robin] = [await customer(1), await customer(2)];
  const { booking } = await seedBooking(t.db, tenant.id, casey.id, {
    price: 6000,
    serviceName: "Oven clean",
  });
  return { tenant, casey, robin, booking };
}

async function settingsFor(tenantId: string) {
  await savePaymentSettings(
    t.db,
    testPaymentSettings({
      tenant_id: tenantId,
      secret_key_sealed: Buffer.from([7, 7, 7]),
      stripe_account_id: "acct_platform1",
      connect_account_type: "standard",
      commission_bps: 1250,
      commission_fixed: 30,
    }),
  );
}

const attempt = (tenantId: string, bookingId: string, n: number) =>
  openPaymentAttempt(t.db, {
    tenantId,
    bookingId,
    attempt: n,
    amount: 6000,
    currency: "usd",
    chargeType: "direct",
    fieldworkerAccountId: null,
  });

describe("findBookingToPay", () => {
  it("a booking with nothing set up yet: no settings, no Stripe customer, no attempt", async () => {
    const { tenant, casey, booking } = await business("bare");
    expect(await findBookingToPay(t.db, tenant.id, booking.id, casey.id)).toEqual({
      booking,
      serviceName: "Oven clean",
      settings: null,
      stripeCustomerId: null,
      latest: null,
    });
  });

  it("reads the settings, the paying user's own Stripe customer and the newest attempt", async () => {
    const { tenant, casey, robin, booking } = await business("full");
    await settingsFor(tenant.id);
    await saveStripeCustomer(t.db, { tenantId: tenant.id, userId: robin.id, stripeCustomerId: "cus_robin1" });
    await attempt(tenant.id, booking.id, 1);
    const second = await attempt(tenant.id, booking.id, 2);
    const found = await findBookingToPay(t.db, tenant.id, booking.id, casey.id);
    expect(found?.settings).toEqual({
      tenant_id: tenant.id,
      mode: "connect",
      publishable_key: "pk_test_fieldpayFake5678",
      secret_key_sealed: Buffer.from([7, 7, 7]),
      connect_account_type: "standard",
      commission_bps: 1250,
      commission_fixed: 30,
      currency: "usd",
    });
    expect(found?.stripeCustomerId).toBeNull(); // Robin's customer is not Casey's
    expect(found?.latest).toEqual({
      attempt: 2,
      status: second.status,
      amount: 6000,
      created_at: second.created_at,
      failure_code: null,
      payment_intent_id: null,
      fieldworker_account_id: null,
      application_fee_amount: null,
    });
    await saveStripeCustomer(t.db, { tenantId: tenant.id, userId: casey.id, stripeCustomerId: "cus_casey1" });
    expect((await findBookingToPay(t.db, tenant.id, booking.id, casey.id))?.stripeCustomerId).toBe(
      "cus_casey1",
    );
  });

  it("another business's booking is not found, and its settings never join onto this one's", async () => {
    const a = await business("tenant-a");
    const b = await business("tenant-b");
    await settingsFor(b.tenant.id);
    expect(await findBookingToPay(t.db, a.tenant.id, b.booking.id, b.casey.id)).toBeUndefined();
    expect((await findBookingToPay(t.db, a.tenant.id, a.booking.id, a.casey.id))?.settings).toBeNull();
  });
});
