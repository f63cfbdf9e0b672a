// The admin sees a dispute in plain words and answers it from fieldpay: the exact files and evidence sent to Stripe
// (stripe-mock behind the recording proxy, with Stripe's idempotency), recorded once; Standard accounts answer
// their own; the business setting that decides who carries a lost dispute.
import { applyDisputeSnapshot } from "@fieldpay/db/repositories/disputes";
import { describe, expect, it } from "vitest";
import { connectPlatform, markPaid } from "../../booking/testing/connect-platform.ts";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { callerFor, newBusiness, newCustomer, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();
const DUE = new Date(Date.now() + 5 * 86_400_000);
// A 1×1 PNG.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

async function disputedBooking(options: { onAccount?: string } = {}) {
  const biz = await newBusiness(t.db, "disputes");
  const tenantId = biz.auth.tenant.id;
  await setUpPayments(deps, tenantId, { mode: "direct" });
  const admin = callerFor(deps, biz.auth).caller;
  const service = await admin.services.create({ name: "Deep clean", price: "120.00", durationMinutes: 90 });
  const customer = callerFor(deps, (await newCustomer(t.db, biz.slug)).auth).caller;
  const { id } = await customer.bookings.create({
    serviceId: service.id,
    startsAt: new Date(Date.now() + 3_600_000),
  });
  await customer.bookings.pay({ bookingId: id });
  const payment = await markPaid(t.db, tenantId, id);
  const disputeId = `du_${id.replaceAll("-", "").slice(0, 20)}`;
  await applyDisputeSnapshot(t.db, {
    tenantId,
    onAccount: options.onAccount ?? null,
    eventAt: new Date(),
    dispute: {
      id: disputeId,
      chargeId: "ch_disputed",
      paymentIntentId: payment.payment_intent_id ?? "",
      reason: "product_not_received",
      amount: 12_000,
      currency: "usd",
      status: "needs_response",
      dueBy: DUE,
      fee: 1_500,
      withdrawn: 12_000,
      withdrawnAt: new Date(),
      reinstated: 0,
      reinstatedAt: null,
      createdAt: new Date(),
    },
  });
  stripe().proxy.reset();
  return { biz, tenantId, admin, bookingId: id, disputeId };
}

/** The value of one field of a multipart upload. */
const part = (body: string, name: string) =>
  body.match(new RegExp(`name="${name}"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r]*)`))?.[1];

describe("seeing a dispute", () => {
  it("lists it with the reason in plain words, what evidence helps, the deadline and the Dashboard page", async () => {
    const d = await disputedBooking();
    const [listed, ...others] = await d.admin.disputes.list();
    expect(others).toEqual([]);
    expect(listed).toMatchObject({
      id: d.disputeId,
      bookingId: d.bookingId,
      amount: { amount: 12_000, currency: "usd" },
      statusWords: "Needs your response",
      needsResponse: true,
      canRespond: true,
      handledBy: null,
      dueBy: DUE,
      stripeFee: { amount: 1_500 },
      withdrawn: { amount: 12_000 },
      reason: {
        code: "product_not_received",
        meaning: "The customer says the service they paid for was never done.",
      },
      dashboardUrl: `https://dashboard.stripe.com/test/disputes/${d.disputeId}`,
    });
    expect(listed?.reason.evidence[0]).toMatch(/job-done record/);
    expect(listed?.prefill?.serviceDocumentation.lines).toContain("Final amount: $120.00");
    expect(await d.admin.disputes.list({ bookingId: d.bookingId })).toHaveLength(1);
    expect((await d.admin.bookings.get({ bookingId: d.bookingId })).status).toBe("disputed");
    const missing = await rejection(d.admin.disputes.get({ disputeId: "du_nosuchdispute" }));
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "This dispute was not found." });
  });
});

describe("answering it", () => {
  it("uploads the documents through Stripe Files and submits the evidence, exactly, once", async () => {
    const d = await disputedBooking();
    const answered = await d.admin.disputes.submitEvidence({
      disputeId: d.disputeId,
      submit: true,
      customerCommunication: "Customer: thanks, all done!\nUs: glad to help.",
      explanation: "The customer thanked us on the day of the job.",
      file: { name: "photo.png", type: "image/png", base64: PNG },
    });
    expect(answered).toMatchObject({
      canRespond: false,
      needsResponse: false,
      statusWords: "Evidence sent: the bank is deciding",
    });
    expect(answered.evidenceSubmittedAt).toBeInstanceOf(Date);
    const files = stripe().proxy.sent("POST", "/v1/files");
    expect(files.map((f) => part(f.body, "purpose"))).toEqual([
      "dispute_evidence",
      "dispute_evidence",
      "dispute_evidence",
      "dispute_evidence",
    ]);
    expect(files.every((f) => f.headers["content-type"]?.startsWith("multipart/form-data"))).toBe(true);
    expect(files.map((f) => f.headers["idempotency-key"]?.replace(/:[0-9a-f]{24}$/, ""))).toEqual(
      ["service_documentation", "receipt", "customer_communication", "uncategorized_file"].map(
        (field) => `fieldpay:file:create:${d.tenantId}:${d.disputeId}:${field}`,
      ),
    );
    expect(files[0]?.body).toContain("%PDF-1.4");
    expect(files[0]?.body).toContain("(Final amount: $120.00) Tj");
    expect(files[3]?.body).toContain('filename="photo.png"');
    const [update, ...more] = stripe().proxy.sent("POST", `/v1/disputes/${d.disputeId}`);
    expect(more).toEqual([]);
    const customer = await t.db
      .selectFrom("bookings")
      .innerJoin("users", "users.id", "bookings.customer_id")
      .select(["users.name", "users.email"])
      .where("bookings.id", "=", d.bookingId)
      .executeTakeFirstOrThrow();
    expect(Object.keys(update?.form ?? {}).sort()).toEqual(
      [
        "evidence[customer_communication]",
        "evidence[customer_email_address]",
        "evidence[customer_name]",
        "evidence[product_description]",
        "evidence[receipt]",
        "evidence[service_date]",
        "evidence[service_documentation]",
        "evidence[uncategorized_file]",
        "evidence[uncategorized_text]",
        "metadata[tenant_id]",
        "submit",
      ].sort(),
    );
    expect(update?.form).toMatchObject({
      "evidence[service_date]": new Date(Date.now() + 3_600_000).toISOString().slice(0, 10),
      "evidence[customer_name]": customer.name,
      "evidence[customer_email_address]": customer.email,
      "evidence[uncategorized_text]": "The customer thanked us on the day of the job.",
      submit: "true",
      "metadata[tenant_id]": d.tenantId,
    });
    expect(update?.form["evidence[receipt]"]).toMatch(/^file_/);
    expect(update?.headers["idempotency-key"]).toMatch(
      new RegExp(`^fieldpay:dispute:update:${d.tenantId}:${d.disputeId}:submit:[0-9a-f]{24}$`),
    );
    const again = await rejection(d.admin.disputes.submitEvidence({ disputeId: d.disputeId, submit: true }));
    expect(again).toMatchObject({
      code: "CONFLICT",
      message: "Evidence for this dispute was already submitted; the bank is deciding.",
    });
  });

  it("a draft is saved at Stripe without submitting, and can be submitted later", async () => {
    const d = await disputedBooking();
    const draft = await d.admin.disputes.submitEvidence({ disputeId: d.disputeId, submit: false });
    expect(draft).toMatchObject({ canRespond: true, evidenceSubmittedAt: null });
    expect(draft.evidenceSavedAt).toBeInstanceOf(Date);
    expect(stripe().proxy.sent("POST", `/v1/disputes/${d.disputeId}`)[0]?.form.submit).toBe("false");
    const sent = await d.admin.disputes.submitEvidence({ disputeId: d.disputeId, submit: true });
    expect(sent.evidenceSubmittedAt).toBeInstanceOf(Date);
  });

  it("refuses files banks do not take, in plain words", async () => {
    const d = await disputedBooking();
    const bad = await rejection(
      d.admin.disputes.submitEvidence({
        disputeId: d.disputeId,
        submit: true,
        // @ts-expect-error: a type the schema refuses
        file: { name: "notes.docx", type: "application/msword", base64: PNG },
      }),
    );
    expect(bad.message).toMatch(/Attach a PDF, JPEG or PNG file/);
    expect(stripe().proxy.requests).toEqual([]);
  });
});

describe("a Standard account's dispute", () => {
  it("says the fieldworker's account handles it, links into that account, and sends nothing", async () => {
    const d = await disputedBooking({ onAccount: "acct_standardfw" });
    const view = await d.admin.disputes.get({ disputeId: d.disputeId });
    expect(view).toMatchObject({ canRespond: false, needsResponse: true });
    expect(view.handledBy).toMatch(/fieldworker's own Stripe account/);
    expect(view.dashboardUrl).toBe(
      `https://dashboard.stripe.com/acct_standardfw/test/disputes/${d.disputeId}`,
    );
    const refused = await rejection(
      d.admin.disputes.submitEvidence({ disputeId: d.disputeId, submit: true }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(stripe().proxy.requests).toEqual([]);
  });
});

describe("who carries a lost dispute", () => {
  it("is the business by default; in Connect the admin can let the fieldworker's share go back too", async () => {
    const p = await connectPlatform(deps, "express");
    expect((await p.admin.paymentSettings.get()).settings?.disputeLiability).toBe("business");
    expect(await p.admin.paymentSettings.setDisputeLiability({ liability: "fieldworker" })).toEqual({
      disputeLiability: "fieldworker",
    });
    expect((await p.admin.paymentSettings.get()).settings?.disputeLiability).toBe("fieldworker");
    const direct = await disputedBooking();
    const refused = await rejection(
      direct.admin.paymentSettings.setDisputeLiability({ liability: "fieldworker" }),
    );
    expect(refused.message).toBe("Only Stripe Connect has fieldworkers' shares to take back from.");
  });
});
