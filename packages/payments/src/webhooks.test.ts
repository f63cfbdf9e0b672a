import { beforeAll, describe, expect, inject, it } from "vitest";
import { createStripeClient } from "./stripe-client.ts";
import {
  checkLivemode,
  checkWebhookFreshness,
  checkWebhookProcessing,
  connectedAccountOf,
  routeEvent,
  type VerifyWebhookInput,
  verifyWebhook,
} from "./webhooks.ts";

const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });
const SECRET = "whsec_test";
const OLD_SECRET = "whsec_test_old";
const now = new Date("2026-11-27T12:00:00Z");
const nowSeconds = now.getTime() / 1000;

// A real event body: stripe-mock's event fixture, serialised once like Stripe sends it.
let body = "";
beforeAll(async () => {
  const event = await stripe.events.retrieve("evt_123");
  body = JSON.stringify({ ...event, type: "payout.paid", account: "acct_worker1" }, null, 2);
});

function sign(payload: string, options: { secret?: string; at?: number } = {}): string {
  return stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    timestamp: options.at ?? nowSeconds,
  });
}

function verify(overrides: Partial<VerifyWebhookInput>) {
  return verifyWebhook({ payload: body, signatureHeader: sign(body), secrets: [SECRET], now, ...overrides });
}

describe("verifyWebhook", () => {
  it("accepts a correctly signed event, from a string or a Buffer", () => {
    const result = verify({});
    expect(result).toMatchObject({ ok: true, secretIndex: 0, event: { id: "evt_123", type: "payout.paid" } });
    expect(verify({ payload: Buffer.from(body) })).toMatchObject({ ok: true });
  });

  it("accepts clock skew within the tolerance either way", () => {
    expect(verify({ signatureHeader: sign(body, { at: nowSeconds - 299 }) }).ok).toBe(true);
    expect(verify({ signatureHeader: sign(body, { at: nowSeconds + 299 }) }).ok).toBe(true);
  });

  it("refuses a stale signature as a possible replay", () => {
    const result = verify({ signatureHeader: sign(body, { at: nowSeconds - 301 }) });
    expect(result).toMatchObject({ ok: false, reason: "stale_timestamp" });
    expect(
      verify({ signatureHeader: sign(body, { at: nowSeconds - 61 }), toleranceSeconds: 60 }),
    ).toMatchObject({
      reason: "stale_timestamp",
    });
  });

  it("refuses a signature dated beyond the tolerance in the future", () => {
    const result = verify({ signatureHeader: sign(body, { at: nowSeconds + 301 }) });
    expect(result).toMatchObject({ ok: false, reason: "future_timestamp" });
  });

  it("refuses a tampered body and a wrong secret", () => {
    const tampered = body.replace('"payout.paid"', '"payout.failed"');
    expect(tampered).not.toBe(body);
    expect(verify({ payload: tampered })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verify({ secrets: ["whsec_other"] })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("accepts either secret during a rotation and says which one matched", () => {
    const signedWithNew = sign(body, { secret: SECRET });
    const signedWithOld = sign(body, { secret: OLD_SECRET });
    expect(verify({ signatureHeader: signedWithNew, secrets: [OLD_SECRET, SECRET] })).toMatchObject({
      ok: true,
      secretIndex: 1,
    });
    expect(verify({ signatureHeader: signedWithOld, secrets: [OLD_SECRET, SECRET] })).toMatchObject({
      ok: true,
      secretIndex: 0,
    });
    const staleOld = sign(body, { secret: OLD_SECRET, at: nowSeconds - 1000 });
    expect(verify({ signatureHeader: staleOld, secrets: [SECRET, OLD_SECRET] })).toMatchObject({
      reason: "stale_timestamp",
    });
  });

  it("reports a missing header, however it is missing", () => {
    for (const signatureHeader of [undefined, null, "", "  ", []]) {
      expect(verify({ signatureHeader })).toMatchObject({ ok: false, reason: "missing_signature" });
    }
    expect(verify({ signatureHeader: [sign(body)] })).toMatchObject({ ok: true });
  });

  it("refuses a header without a usable signature", () => {
    expect(verify({ signatureHeader: "garbage" })).toMatchObject({ reason: "bad_signature" });
    expect(verify({ signatureHeader: `t=${nowSeconds}` })).toMatchObject({ reason: "bad_signature" });
  });

  it("refuses bodies that are signed but are not events", () => {
    for (const payload of ["not json at all", "[]", '{"id":"x","object":"charge","type":"t"}', '"evt"']) {
      const result = verify({ payload, signatureHeader: sign(payload) });
      expect(result, payload).toMatchObject({ ok: false, reason: "malformed_payload" });
    }
    expect(verify({ payload: "", signatureHeader: sign("") })).toMatchObject({ reason: "malformed_payload" });
  });

  it("needs a secret and a positive tolerance", () => {
    expect(verify({ secrets: [] })).toMatchObject({ ok: false, reason: "no_secret" });
    expect(verify({ secrets: ["  "] })).toMatchObject({ ok: false, reason: "no_secret" });
    expect(() => verify({ toleranceSeconds: 0 })).toThrow(RangeError);
  });

  it("never puts a secret or the signature into a failure message", () => {
    const header = sign(body, { at: nowSeconds - 400 });
    const failures = [
      verify({ signatureHeader: header, secrets: [SECRET, OLD_SECRET] }),
      verify({ secrets: [OLD_SECRET] }),
      verify({ signatureHeader: sign(body, { at: nowSeconds + 400 }) }),
      verify({ payload: "nope", signatureHeader: sign("nope") }),
      verify({ signatureHeader: undefined }),
    ];
    for (const result of failures) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.message.length).toBeGreaterThan(20);
      expect(result.message).not.toMatch(/whsec_|v1=/);
    }
  });
});

describe("checkLivemode and routing", () => {
  it("requires the event's mode to match the keys' mode", () => {
    expect(checkLivemode({ livemode: false }, "test")).toEqual({ ok: true });
    expect(checkLivemode({ livemode: true }, "live")).toEqual({ ok: true });
    expect(checkLivemode({ livemode: true }, "test")).toMatchObject({
      ok: false,
      reason: "livemode_mismatch",
    });
    expect(checkLivemode({ livemode: false }, "live")).toMatchObject({
      message: expect.stringMatching(/test-mode event.*live-mode Stripe keys/),
    });
  });

  it("tells which connected account an event belongs to and checks the endpoint", () => {
    const result = verify({});
    if (!result.ok) throw new Error(result.message);
    expect(connectedAccountOf(result.event)).toBe("acct_worker1");
    expect(routeEvent(result.event, "connect")).toEqual({ ok: true, accountId: "acct_worker1" });
    expect(routeEvent(result.event, "account")).toMatchObject({ ok: false, reason: "unexpected_account" });
    expect(connectedAccountOf({})).toBeNull();
    expect(routeEvent({}, "account")).toEqual({ ok: true, accountId: null });
    expect(routeEvent({}, "connect")).toMatchObject({ ok: false, reason: "missing_account" });
  });
});

describe("checkWebhookFreshness", () => {
  const base = {
    kind: "account" as const,
    secretConfigured: true,
    now,
    endpointUrl: "https://pay.example.test/webhooks/stripe/t1",
  };
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it("fails without a signing secret and says exactly where to add the endpoint", () => {
    const check = checkWebhookFreshness({ ...base, secretConfigured: false, lastEventAt: null });
    expect(check).toMatchObject({ id: "webhooks_account", status: "fail" });
    expect(check.fix).toContain("Developers > Webhooks");
    expect(check.fix).toContain(base.endpointUrl);
    expect(check.fix).toContain("Settings > Financial Settings > Payment integration");
  });

  it("warns when nothing has ever arrived, and by age after that", () => {
    expect(checkWebhookFreshness({ ...base, lastEventAt: null }).status).toBe("warn");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(2) }).status).toBe("pass");
    const quiet = checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(30) });
    expect(quiet.status).toBe("warn");
    expect(quiet.explanation).toContain("30 hours ago");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(80) }).status).toBe("fail");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(5), warnAfterHours: 4 }).status).toBe(
      "warn",
    );
  });

  it("tells a Connect endpoint to listen to connected accounts", () => {
    const check = checkWebhookFreshness({
      ...base,
      kind: "connect",
      secretConfigured: false,
      lastEventAt: null,
    });
    expect(check.id).toBe("webhooks_connect");
    expect(check.fix).toContain("Events on Connected accounts");
  });
});

describe("checkWebhookProcessing", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const failing = (hoursAgo: number) => ({
    id: "evt_1",
    type: "payout.paid",
    attempts: 4,
    lastError: 'new row for relation "payouts" violates check constraint "payouts_currency_check"',
    receivedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
  });

  it("passes when every delivered notification is applied", () => {
    const check = checkWebhookProcessing({ failing: 0, waiting: 0, oldestFailing: null, now });
    expect(check).toMatchObject({ id: "webhooks_applied", status: "pass", fix: "Nothing to do." });
  });

  it("warns while a failing notification is young, naming it and its error, and says it is retried", () => {
    const check = checkWebhookProcessing({ failing: 2, waiting: 0, oldestFailing: failing(3), now });
    expect(check.status).toBe("warn");
    expect(check.explanation).toContain("2 notification(s)");
    expect(check.explanation).toContain("payout.paid (evt_1");
    expect(check.explanation).toContain("failed 4 time(s)");
    expect(check.explanation).toContain("payouts_currency_check");
    expect(check.fix).toMatch(/retries failed notifications by itself/);
  });

  it("fails once a notification has failed for a day, with what to do and the event id for support", () => {
    const check = checkWebhookProcessing({ failing: 1, waiting: 0, oldestFailing: failing(30), now });
    expect(check.status).toBe("fail");
    expect(check.fix).toMatch(/about every 6 hours/);
    expect(check.fix).toContain("evt_1");
  });

  it("warns when notifications wait unapplied, even with none failing", () => {
    const check = checkWebhookProcessing({ failing: 0, waiting: 5, oldestFailing: null, now });
    expect(check.status).toBe("warn");
    expect(check.explanation).toContain("5 notification(s) have waited");
  });
});
