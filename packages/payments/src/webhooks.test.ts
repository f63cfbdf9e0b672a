import { beforeAll, describe, expect, inject, it } from "vitest";
import { createStripeClient } from "./stripe-client.ts";
import {
  checkLivemode,
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
