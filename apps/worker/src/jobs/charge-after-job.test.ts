// After the job is marked done, the worker charges what is due against stripe-mock (through the recording
// proxy): the exact parameters and idempotency keys sent, what a retry or a crash repeats, and what the customer
// and the admin see when the bank wants the customer.
import { enqueueJob } from "@fieldpay/db/repositories/job-queue";
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEmail } from "../mail/deliver-email.ts";
import { afterJobState, randomId, seedDoneBooking } from "../testing/after-job-fixture.ts";
import {
  deliver,
  listenWorker,
  seedBusiness,
  stripeEvent,
  WEB_ORIGIN,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { chargeAfterJob } from "./charge-after-job.ts";

const proxy = useRecordingProxy();
let kit: WorkerTestKit;
let worker: Awaited<ReturnType<typeof listenWorker>>;
let tenantId: string;
let slug: string;
let directTenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url });
  worker = await listenWorker(kit.deps);
  ({ tenantId, slug } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "connect" }));
  ({ tenantId: directTenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "direct" }));
});
afterAll(async () => {
  await worker.close();
  await kit.t.drop();
});

const run = (bookingId: string, tenant = tenantId) =>
  chargeAfterJob(kit.deps, { tenantId: tenant, bookingId });
const creates = () => proxy().sent("POST", "/v1/payment_intents");
/** The emails about a booking, as delivered (to the dev outbox) by the worker's deliver_email. */
async function emailsAbout(bookingId: string) {
  const about = await kit.t.db
    .selectFrom("emails")
    .select(["id", "tenant_id"])
    .where(sql<string>`props->>'link'`, "like", `%${bookingId}%`)
    .execute();
  for (const e of about) await deliverEmail(kit.deps, { tenantId: e.tenant_id, emailId: e.id });
  return kit.t.db.selectFrom("emails").selectAll().where("body", "like", `%${bookingId}%`).execute();
}
const succeedAnswer = (body: Record<string, unknown>) => ({ ...body, status: "succeeded" });

/** Stripe's 402 for an off-session charge the bank refused, with the PaymentIntent it left behind. */
function cardError(code: string, paymentIntentId: string, status: string, declineCode = code) {
  return {
    status: 402,
    body: {
      error: {
        type: "card_error",
        code,
        decline_code: declineCode,
        message: code === "authentication_required" ? "This payment requires authentication." : "Declined.",
        payment_intent: { id: paymentIntentId, object: "payment_intent", status },
      },
    },
  };
}

describe("the balance after a deposit", () => {
  it("is charged off-session with the commission on the whole job, once, under the attempt's key", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 12_000,
    });
    // Through the queue, as bookings.markDone asks for it.
    await enqueueJob(kit.t.db, {
      task: "charge_after_job",
      payload: { tenantId, bookingId: booking.id },
      jobKey: `after_job:${booking.id}`,
    });
    await kit.drain();

    const sent = creates();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.form).toMatchObject({
      amount: "9000",
      currency: "usd",
      confirm: "true",
      off_session: "true",
      customer: booking.card_customer_id,
      payment_method: booking.card_payment_method_id,
      // 10% of 12,000 in all, less the 300 taken with the deposit.
      application_fee_amount: "900",
      "transfer_data[destination]": "acct_fwfay",
      "metadata[charge]": "balance",
      "metadata[attempt]": "2",
    });
    const key = `fieldpay:payment_intent:create:${tenantId}:${booking.id}:2`;
    expect(sent[0]?.headers["idempotency-key"]).toBe(key);
    const after = await afterJobState(kit.t.db, tenantId, booking.id);
    // stripe-mock answers requires_payment_method without an error: Stripe's events decide.
    expect(after.booking.status).toBe("deposit_paid");
    const balance = after.payments[1];
    expect(balance).toMatchObject({ purpose: "balance", off_session: true, amount: 9_000 });
    expect(balance?.application_fee_amount).toBe(900);

    // A retried job sends nothing more: Stripe answered that attempt.
    await run(booking.id);
    expect(creates()).toHaveLength(1);
    // A worker killed after Stripe charged but before our record: the same attempt, the same key again.
    await kit.t.db
      .updateTable("payments")
      .set({ status: "creating", payment_intent_id: null })
      .where("id", "=", balance?.id ?? "")
      .execute();
    await Promise.all([run(booking.id), run(booking.id)]);
    const keys = new Set(creates().map((r) => r.headers["idempotency-key"]));
    expect([...keys]).toEqual([key]);
    expect((await afterJobState(kit.t.db, tenantId, booking.id)).payments).toHaveLength(2);

    // Stripe's event says the balance succeeded: the booking is paid and the ledger adds up.
    const intent = (await afterJobState(kit.t.db, tenantId, booking.id)).payments[1]?.payment_intent_id;
    const event = stripeEvent("payment_intent.succeeded", {
      id: intent,
      object: "payment_intent",
      status: "succeeded",
      amount: 9_000,
      currency: "usd",
    });
    expect((await deliver(worker, tenantId, event)).status).toBe(200);
    expect((await deliver(worker, tenantId, event)).status).toBe(200);
    await kit.drain();
    const paid = await afterJobState(kit.t.db, tenantId, booking.id);
    expect(paid.booking.status).toBe("paid");
    expect(paid.ledger.map((l) => [l.purpose, l.amount, l.business_amount, l.fieldworker_amount])).toEqual([
      ["deposit", 3_000, 300, 2_700],
      ["balance", 9_000, 900, 8_100],
    ]);
  });

  it("succeeding at once pays the booking (Stripe mode: no split sent)", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, directTenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 2_500,
      final: 10_000,
      chargeType: "direct",
    });
    proxy().intercept({ method: "POST", path: "/v1/payment_intents", patch: succeedAnswer });
    expect(await run(booking.id, directTenantId)).toBe("balance: charged 7500");
    const form = creates()[0]?.form ?? {};
    expect(form.amount).toBe("7500");
    expect(form.application_fee_amount).toBeUndefined();
    expect(form["transfer_data[destination]"]).toBeUndefined();
    const after = await afterJobState(kit.t.db, directTenantId, booking.id);
    expect(after.booking.status).toBe("paid");
    expect(after.ledger.map((l) => l.amount)).toEqual([2_500, 7_500]);
    // The customer's receipt for the balance, with the deposit before it, written with the charge.
    const receipts = await kit.t.db
      .selectFrom("emails")
      .select("props")
      .where("tenant_id", "=", directTenantId)
      .where("template", "=", "receipt")
      .execute();
    expect(receipts.filter((r) => JSON.stringify(r.props).includes(booking.id))).toEqual([
      {
        props: expect.objectContaining({
          amount: 7_500,
          lines: [
            expect.objectContaining({ kind: "charge", amount: 2_500 }),
            expect.objectContaining({ kind: "charge", amount: 7_500 }),
          ],
        }),
      },
    ]);
  });

  it("a Standard fieldworker's balance is a direct charge on their account, with the customer there", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
      chargeType: "direct_on_connected_account",
      accountId: "acct_stdsam",
      cardOnAccount: "acct_stdsam",
    });
    await run(booking.id);
    const sent = creates();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers["stripe-account"]).toBe("acct_stdsam");
    expect(sent[0]?.form).toMatchObject({
      amount: "7000",
      customer: booking.card_customer_id,
      payment_method: booking.card_payment_method_id,
      application_fee_amount: "700",
      off_session: "true",
    });
    expect(sent[0]?.form["transfer_data[destination]"]).toBeUndefined();
  });
});

describe("when the bank wants the customer", () => {
  it.each([
    ["asks for authentication", "authentication_required", "requires_action", "confirm the charge"],
    ["declines the card", "card_declined", "requires_payment_method", "was declined"],
  ])(
    "%s: balance due, the admin alerted and the customer emailed once",
    async (_what, code, status, words) => {
      const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
        plan: "deposit",
        price: 10_000,
        atBooking: 3_000,
        final: 10_000,
      });
      const intent = randomId("pi");
      const declineCode = code === "card_declined" ? "insufficient_funds" : code;
      proxy().intercept({
        method: "POST",
        path: "/v1/payment_intents",
        respond: cardError(code, intent, status, declineCode),
      });
      await run(booking.id);
      await run(booking.id);

      expect(creates()).toHaveLength(1);
      const after = await afterJobState(kit.t.db, tenantId, booking.id);
      expect(after.booking.status).toBe("balance_due");
      expect(after.payments[1]).toMatchObject({
        payment_intent_id: intent,
        status,
        failure_code: declineCode,
      });
      expect(after.alerts).toHaveLength(1);
      expect(after.alerts[0]).toMatchObject({ kind: "balance_due", key: `balance_due:${booking.id}` });
      expect(after.alerts[0]?.explanation).toContain(words);
      expect(after.alerts[0]?.fix).toContain("emailed Casey Customer a link");
      const emails = await emailsAbout(booking.id);
      expect(emails).toHaveLength(1);
      expect(emails[0]?.body).toContain(`${WEB_ORIGIN}/book/${slug}/bookings/${booking.id}/pay`);
      expect(emails[0]?.body).toContain("$70.00");
    },
  );

  it("no card saved: balance due and the emailed link, nothing sent to Stripe", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
      card: false,
    });
    await run(booking.id);
    expect(creates()).toEqual([]);
    expect((await afterJobState(kit.t.db, tenantId, booking.id)).booking.status).toBe("balance_due");
    expect(await emailsAbout(booking.id)).toHaveLength(1);
  });

  it("a rate limit is retried by the queue: the job throws, and the retry sends the same attempt", async () => {
    const { booking } = await seedDoneBooking(kit.t.db, tenantId, {
      plan: "deposit",
      price: 10_000,
      atBooking: 3_000,
      final: 10_000,
    });
    proxy().intercept({
      method: "POST",
      path: "/v1/payment_intents",
      respond: { status: 429, body: { error: { type: "rate_limit_error", message: "Too many requests" } } },
    });
    await expect(run(booking.id)).rejects.toThrow(/too many requests/i);
    proxy().reset();
    await run(booking.id);
    const sent = creates();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers["idempotency-key"]).toBe(
      `fieldpay:payment_intent:create:${tenantId}:${booking.id}:2`,
    );
    expect(await emailsAbout(booking.id)).toEqual([]);
  });
});
