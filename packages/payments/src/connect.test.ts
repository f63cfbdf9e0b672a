import { describe, expect, it } from "vitest";
import { type ConnectSettings, StripeConnect } from "./connect.ts";
import type { BookingPaymentInput, ConnectAccountType, RefundInput } from "./strategy.ts";
import { useRecordingProxy } from "./testing/use-recording-proxy.ts";

const proxy = useRecordingProxy();
const strategy = (settings: Partial<ConnectSettings> = {}) =>
  new StripeConnect({
    mode: "connect",
    secretKey: "sk_test_123",
    apiBase: proxy().url,
    maxNetworkRetries: 0,
    connectAccountType: "express",
    ...settings,
  });

const usd = (amount: number) => ({ amount, currency: "usd" });
const booking = (
  accountType: ConnectAccountType,
  change: Partial<BookingPaymentInput> = {},
): BookingPaymentInput => ({
  tenantId: "t1",
  bookingId: "b42",
  attempt: 1,
  amount: usd(10_000),
  stripeCustomerId: "cus_1",
  connect: { accountId: "acct_fw1", accountType, fee: { basisPoints: 1000, fixed: usd(30) } },
  ...change,
});

describe("StripeConnect.createBookingPayment: Express and Custom get destination charges", () => {
  it.each(["express", "custom"] as const)(
    "%s: transfer to the fieldworker, commission as application fee",
    async (type) => {
      const result = await strategy().createBookingPayment(booking(type));
      expect(result).toMatchObject({
        ok: true,
        payment: {
          chargeType: "destination",
          onAccount: null,
          applicationFee: usd(1030),
          fieldworkerNet: usd(8970),
        },
      });
      const [request] = proxy().sent("POST", "/v1/payment_intents");
      expect(request?.form).toEqual({
        amount: "10000",
        currency: "usd",
        "automatic_payment_methods[enabled]": "true",
        "automatic_payment_methods[allow_redirects]": "never",
        customer: "cus_1",
        "transfer_data[destination]": "acct_fw1",
        application_fee_amount: "1030",
        "metadata[tenant_id]": "t1",
        "metadata[booking_id]": "b42",
        "metadata[attempt]": "1",
        "metadata[fieldworker_account]": "acct_fw1",
      });
      expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_intent:create:t1:b42:1");
      expect(request?.headers["stripe-account"]).toBeUndefined();
    },
  );

  it("settles on the fieldworker's account (on_behalf_of) when the business chose that", async () => {
    await strategy({ settleOnConnectedAccount: true }).createBookingPayment(booking("express"));
    expect(proxy().sent("POST", "/v1/payment_intents")[0]?.form).toMatchObject({ on_behalf_of: "acct_fw1" });
  });

  it("sends no application fee for a zero commission", async () => {
    const result = await strategy().createBookingPayment(
      booking("express", {
        connect: { accountId: "acct_fw1", accountType: "express", fee: { basisPoints: 0 } },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      payment: { applicationFee: usd(0), fieldworkerNet: usd(10_000) },
    });
    expect(proxy().sent("POST")[0]?.form).not.toHaveProperty("application_fee_amount");
  });

  it("splits JPY in whole yen", async () => {
    const jpy = { amount: 8_800, currency: "jpy" };
    const result = await strategy().createBookingPayment(
      booking("express", {
        amount: jpy,
        connect: { accountId: "acct_fw1", accountType: "express", fee: { basisPoints: 1250 } },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      payment: {
        applicationFee: { amount: 1100, currency: "jpy" },
        fieldworkerNet: { amount: 7700, currency: "jpy" },
      },
    });
    expect(proxy().sent("POST")[0]?.form).toMatchObject({
      amount: "8800",
      currency: "jpy",
      application_fee_amount: "1100",
    });
  });
});

describe("StripeConnect.createBookingPayment: Standard gets a direct charge on the fieldworker's account", () => {
  it("charges on the connected account (Stripe-Account header) with the commission as application fee", async () => {
    const result = await strategy().createBookingPayment(booking("standard"));
    expect(result).toMatchObject({
      ok: true,
      payment: {
        chargeType: "direct_on_connected_account",
        onAccount: "acct_fw1",
        applicationFee: usd(1030),
      },
    });
    const [request] = proxy().sent("POST", "/v1/payment_intents");
    expect(request?.headers["stripe-account"]).toBe("acct_fw1");
    expect(request?.headers["idempotency-key"]).toBe("fieldpay:payment_intent:create:t1:b42:1");
    expect(request?.form).toMatchObject({ amount: "10000", application_fee_amount: "1030" });
    // The platform's customer and transfer parameters mean nothing on the fieldworker's own account.
    expect(request?.form).not.toHaveProperty("customer");
    expect(request?.form).not.toHaveProperty("transfer_data[destination]");
    expect(request?.form).not.toHaveProperty("on_behalf_of");
  });

  it("copies a saved card onto the connected account first, then charges the copy", async () => {
    const result = await strategy().createBookingPayment(
      booking("standard", { paymentMethodId: "pm_saved", offSession: true }),
    );
    expect(result.ok).toBe(true);
    const [clone] = proxy().sent("POST", "/v1/payment_methods");
    expect(clone?.form).toEqual({ customer: "cus_1", payment_method: "pm_saved" });
    expect(clone?.headers["stripe-account"]).toBe("acct_fw1");
    expect(clone?.headers["idempotency-key"]).toBe("fieldpay:payment_method:clone:t1:b42:1");
    const [charge] = proxy().sent("POST", "/v1/payment_intents");
    expect(charge?.form.payment_method).toMatch(/^pm_/);
    expect(charge?.form.payment_method).not.toBe("pm_saved");
    expect(charge?.form).toMatchObject({ confirm: "true", off_session: "true" });
  });

  it("saves a card for later on the fieldworker's account, for the customer's copy made there", async () => {
    const result = await strategy().createBookingPayment(booking("standard", { saveCard: true }));
    if (!result.ok) throw new Error(result.error.message);
    const [copy] = proxy().sent("POST", "/v1/customers");
    expect(copy?.form).toEqual({ "metadata[tenant_id]": "t1", "metadata[platform_customer]": "cus_1" });
    expect(copy?.headers["stripe-account"]).toBe("acct_fw1");
    expect(copy?.headers["idempotency-key"]).toBe("fieldpay:customer:on_account:t1:cus_1:acct_fw1");
    const [charge] = proxy().sent("POST", "/v1/payment_intents");
    expect(charge?.headers["stripe-account"]).toBe("acct_fw1");
    expect(charge?.form).toMatchObject({ setup_future_usage: "off_session" });
    expect(charge?.form.customer).toMatch(/^cus_/);
    expect(charge?.form.customer).not.toBe("cus_1");
    expect(result.payment.customerId).toBe(charge?.form.customer);
    expect(proxy().sent("POST", "/v1/payment_methods")).toHaveLength(0);
  });

  it("charges a card kept on the fieldworker's account off-session as it is, with no copies", async () => {
    const result = await strategy().createBookingPayment(
      booking("standard", {
        connectedCustomerId: "cus_copy",
        paymentMethodId: "pm_on_account",
        offSession: true,
        purpose: "balance",
      }),
    );
    expect(result).toMatchObject({ ok: true, payment: { customerId: "cus_copy", onAccount: "acct_fw1" } });
    expect(proxy().requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/payment_intents"]);
    expect(proxy().requests[0]?.form).toMatchObject({
      customer: "cus_copy",
      payment_method: "pm_on_account",
      confirm: "true",
      off_session: "true",
      "metadata[charge]": "balance",
    });
    expect(proxy().requests[0]?.headers["stripe-account"]).toBe("acct_fw1");
  });

  it("reuses the customer's copy when saving another card on the same account", async () => {
    await strategy().createBookingPayment(
      booking("standard", { saveCard: true, connectedCustomerId: "cus_copy" }),
    );
    expect(proxy().sent("POST", "/v1/customers")).toHaveLength(0);
    expect(proxy().sent("POST", "/v1/payment_intents")[0]?.form).toMatchObject({
      customer: "cus_copy",
      setup_future_usage: "off_session",
    });
  });
});

describe("StripeConnect.createBookingPayment: an exact application fee and manual capture", () => {
  it("takes exactly the fee given instead of splitting by the rule", async () => {
    const connect = {
      accountId: "acct_fw1",
      accountType: "express",
      fee: { basisPoints: 1000, fixed: usd(30) },
      applicationFee: usd(750),
    } as const;
    const result = await strategy().createBookingPayment(booking("express", { connect, purpose: "balance" }));
    expect(result).toMatchObject({
      ok: true,
      payment: { applicationFee: usd(750), fieldworkerNet: usd(9250) },
    });
    expect(proxy().sent("POST", "/v1/payment_intents")[0]?.form).toMatchObject({
      application_fee_amount: "750",
      "metadata[charge]": "balance",
    });
  });

  it("authorizes only, on either charge type", async () => {
    for (const type of ["express", "standard"] as const) {
      const result = await strategy().createBookingPayment(booking(type, { captureMethod: "manual" }));
      expect(result).toMatchObject({ ok: true, payment: { captureMethod: "manual" } });
    }
    const forms = proxy()
      .sent("POST", "/v1/payment_intents")
      .map((r) => r.form.capture_method);
    expect(forms).toEqual(["manual", "manual"]);
  });
});

describe("StripeConnect.createBookingPayment refusals", () => {
  it.each([
    [{ connect: undefined }, /fieldworker's connected account/],
    [
      { connect: { accountId: "acct_fw1", accountType: "express", fee: { basisPoints: 20_000 } } },
      /between 0% and 100%/,
    ],
    [
      {
        connect: {
          accountId: "acct_fw1",
          accountType: "express",
          fee: { basisPoints: 0, fixed: { amount: 30, currency: "eur" } },
        },
      },
      /fixed commission is in EUR/,
    ],
    [{ amount: usd(-5) }, /cannot be negative/],
    [{ connectedCustomerId: "cus_copy" }, /Only a Standard account/],
    [
      {
        connect: {
          accountId: "acct_fw1",
          accountType: "express",
          fee: { basisPoints: 0 },
          applicationFee: usd(10_001),
        },
      },
      /at most the charge/,
    ],
    [
      {
        connect: {
          accountId: "acct_fw1",
          accountType: "express",
          fee: { basisPoints: 0 },
          applicationFee: { amount: 100, currency: "eur" },
        },
      },
      /in the charge's currency/,
    ],
  ] as const)("refuses %o without calling Stripe", async (change, message) => {
    const result = await strategy().createBookingPayment(booking("express", change));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: expect.stringMatching(message) },
    });
    expect(proxy().requests).toHaveLength(0);
  });
});

const refund = (
  accountType: ConnectAccountType,
  refundApplicationFee: boolean,
  reverseTransfer: boolean,
): RefundInput => ({
  tenantId: "t1",
  bookingId: "b42",
  refundId: "r7",
  paymentIntentId: "pi_1",
  charged: usd(10_000),
  amount: usd(4000),
  connect: { accountId: "acct_fw1", accountType, refundApplicationFee, reverseTransfer },
});

describe("StripeConnect.refund", () => {
  it("states both decisions for a destination charge, on the platform", async () => {
    await strategy().refund(refund("express", false, true));
    await strategy().refund(refund("custom", true, false));
    const [express, custom] = proxy().sent("POST", "/v1/refunds");
    expect(express?.form).toMatchObject({
      amount: "4000",
      refund_application_fee: "false",
      reverse_transfer: "true",
    });
    expect(custom?.form).toMatchObject({ refund_application_fee: "true", reverse_transfer: "false" });
    expect(express?.headers["stripe-account"]).toBeUndefined();
    expect(express?.headers["idempotency-key"]).toBe("fieldpay:refund:create:t1:r7");
  });

  it("refunds a Standard direct charge on the fieldworker's account, with no transfer to reverse", async () => {
    const result = await strategy().refund(refund("standard", true, true));
    expect(result).toMatchObject({ ok: true, refund: { partial: true } });
    const [request] = proxy().sent("POST", "/v1/refunds");
    expect(request?.headers["stripe-account"]).toBe("acct_fw1");
    expect(request?.form).toMatchObject({ payment_intent: "pi_1", refund_application_fee: "true" });
    expect(request?.form).not.toHaveProperty("reverse_transfer");
  });

  it("refuses a Connect refund that does not say what happens to the fee and the transfer", async () => {
    const result = await strategy().refund({ ...refund("express", true, true), connect: undefined });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(proxy().requests).toHaveLength(0);
  });
});
