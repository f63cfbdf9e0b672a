// Signed events queue the right email in their own transaction, once, however often Stripe sends them: a charge
// that succeeded (the customer's receipt, with the ledger), a refund (refund made), a payout that failed (the
// fieldworker, with the fix, and each admin who did not turn payout failures off).
import { randomUUID } from "node:crypto";
import { setOptOut } from "@fieldpay/db/repositories/email-preferences";
import type { EmailTemplate } from "@fieldpay/db/repositories/emails";
import { insertUser } from "@fieldpay/db/repositories/users";
import { describe, expect, it } from "vitest";
import { seedPaidBooking } from "../testing/booking-fixture.ts";
import {
  deliver,
  seedFieldworker,
  stripeEvent,
  useWorkerBusiness,
  WEB_ORIGIN,
} from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();
const T0 = 1_900_000_000;

/** Each event twice as Stripe sent it, then once more as a new event about the same thing; then the queue runs. */
async function deliverReplayed(make: (created: number) => ReturnType<typeof stripeEvent>, connect = false) {
  const event = make(T0);
  for (const e of [event, event, make(T0 + 1)]) {
    expect((await deliver(env.worker, env.tenantId, e, { connect })).status).toBe(200);
  }
  await env.kit.drain();
}

const emailsOf = (template: EmailTemplate) =>
  env.kit.t.db
    .selectFrom("emails")
    .select(["to_address", "props", "status", "subject", "body", "user_id"])
    .where("tenant_id", "=", env.tenantId)
    .where("template", "=", template)
    .orderBy("to_address")
    .execute();

describe("emails queued by Stripe events", () => {
  it("a charge that succeeded sends the customer one receipt, with the booking's ledger and link", async () => {
    const booking = await seedPaidBooking(env.kit.t.db, env.tenantId, 9_000);
    const intent = {
      id: booking.paymentIntentId,
      object: "payment_intent",
      status: "succeeded",
      amount: 9_000,
    };
    await deliverReplayed((created) =>
      stripeEvent("payment_intent.succeeded", { ...intent, currency: "usd" }, { created }),
    );
    const receipts = await emailsOf("receipt");
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.props).toMatchObject({
      customerName: "Casey Customer",
      serviceName: "Deep clean",
      amount: 9_000,
      lines: [{ kind: "charge", amount: 9_000 }],
    });
    // Delivered through the dev outbox (no SMTP here): the text the customer reads.
    expect(receipts[0]).toMatchObject({ status: "delivered" });
    expect(receipts[0]?.body).toContain("$90.00");
    expect(receipts[0]?.body).toContain(`${WEB_ORIGIN}/book/`);
    expect(receipts[0]?.body).toContain(`/bookings/${booking.bookingId}`);
  });

  it("a refund sends the customer one 'refund made' email per refund", async () => {
    const booking = await seedPaidBooking(env.kit.t.db, env.tenantId, 9_000);
    const intent = {
      id: booking.paymentIntentId,
      object: "payment_intent",
      status: "succeeded",
      amount: 9_000,
    };
    await deliverReplayed((created) =>
      stripeEvent("payment_intent.succeeded", { ...intent, currency: "usd" }, { created }),
    );
    const charge = {
      id: `ch_${randomUUID().slice(0, 8)}`,
      object: "charge",
      payment_intent: booking.paymentIntentId,
      amount: 9_000,
      currency: "usd",
      amount_refunded: 2_500,
      refunded: false,
    };
    await deliverReplayed((created) => stripeEvent("charge.refunded", charge, { created }));
    const refunds = (await emailsOf("refund_made")).filter((e) => e.props.amount === 2_500);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.subject).toMatch(/refunded \$25\.00$/);
  });

  it("a failed payout tells its fieldworker the fix and each admin once; an admin may turn that off", async () => {
    const db = env.kit.t.db;
    const admin = (name: string) =>
      insertUser(db, {
        tenant_id: env.tenantId,
        role: "admin",
        email: `${name}-${randomUUID().slice(0, 6)}@biz.test`,
        name,
        password_hash: null,
      });
    const [ada, bo] = [await admin("ada"), await admin("bo")];
    await setOptOut(db, { tenantId: env.tenantId, userId: bo.id }, "payout_failures", true);
    const fw = await seedFieldworker(db, env.tenantId, { name: "Sam Rivera" });
    const payout = {
      id: `po_${randomUUID().slice(0, 8)}`,
      object: "payout",
      amount: 12_000,
      currency: "usd",
      status: "failed",
      arrival_date: T0 + 86_400,
      created: T0,
      failure_code: "account_closed",
      failure_message: "Closed.",
    };
    await deliverReplayed(
      (created) => stripeEvent("payout.failed", payout, { account: fw.stripeAccountId ?? "", created }),
      true,
    );
    const toFieldworker = await emailsOf("payout_failed");
    expect(toFieldworker).toHaveLength(1);
    expect(toFieldworker[0]).toMatchObject({ user_id: fw.userId, status: "delivered" });
    expect(toFieldworker[0]?.body).toContain("The bank account has been closed.");
    expect(toFieldworker[0]?.body).toContain("Add a working bank account in Stripe");
    const toAdmins = await emailsOf("payout_failures");
    expect(toAdmins.map((e) => [e.user_id, e.status]).sort()).toEqual(
      [
        [ada.id, "delivered"],
        [bo.id, "suppressed"],
      ].sort(),
    );
    expect(toAdmins.find((e) => e.user_id === ada.id)?.subject).toBe(
      "A payout of $120.00 to Sam Rivera failed",
    );
    // No payout "on its way" email for a payout that failed.
    expect(await emailsOf("payout_sent")).toEqual([]);
  });

  it("Stripe needing more after onboarding emails the fieldworker what is missing, once; mid-onboarding nothing", async () => {
    const fw = await seedFieldworker(env.kit.t.db, env.tenantId, {
      name: "Fay Fieldworker",
      status: "active",
    });
    const id = fw.stripeAccountId ?? "";
    const account = (submitted: boolean) => ({
      id,
      object: "account",
      charges_enabled: true,
      payouts_enabled: false,
      details_submitted: submitted,
      requirements: {
        currently_due: ["individual.dob.day", "individual.dob.month", "external_account"],
        past_due: [],
        disabled_reason: null,
      },
      capabilities: {},
    });
    const accountEvent = (submitted: boolean) => (created: number) =>
      stripeEvent("account.updated", account(submitted), { account: id, created });
    await deliverReplayed(accountEvent(false), true);
    const onboarding = () =>
      emailsOf("onboarding_incomplete").then((all) => all.filter((e) => e.user_id === fw.userId));
    expect(await onboarding()).toEqual([]);
    await deliverReplayed(accountEvent(true), true);
    const emails = await onboarding();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.props).toMatchObject({
      missing: [expect.stringMatching(/date of birth/i), expect.stringMatching(/bank account/i)],
    });
    expect(emails[0]?.body).toContain(`${WEB_ORIGIN}/app/stripe`);
  });
});
