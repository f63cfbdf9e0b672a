// The webhook endpoints against a real database: every refusal writes nothing, a verified event is stored once
// and due for processing at once, duplicates (also concurrent ones) are acknowledged without a second row.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  deliver,
  OLD_SECRET,
  seedBusiness,
  signed,
  signedRaw,
  stripeEvent,
  useWorkerBusiness,
  WEBHOOK_SECRET,
} from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();

/** How many rows an event has, and how many of them a worker may claim now. */
async function stored(id: string) {
  const rows = await env.kit.t.db
    .selectFrom("webhook_events")
    .select(sql<boolean>`processed_at is null and next_attempt_at <= now()`.as("due"))
    .where("id", "=", id)
    .execute();
  return { rows: rows.length, due: rows.filter((r) => r.due).length };
}

const payout = (id = `po_${randomUUID().slice(0, 8)}`) => ({
  id,
  object: "payout",
  amount: 1100,
  currency: "usd",
  status: "in_transit",
  arrival_date: 1_900_000_000,
  created: 1_800_000_000,
});

describe("POST /webhooks/stripe/:env.tenantId refuses and writes nothing", () => {
  it("answers 404 for an unknown business or a malformed id", async () => {
    const event = stripeEvent("payout.created", payout());
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const res = await deliver(env.worker, id, event);
      expect(res.status).toBe(404);
      expect(res.body.error).toBe("unknown_business");
    }
    expect(await stored(event.id)).toEqual({ rows: 0, due: 0 });
  });

  it.each([
    ["missing signature", { "stripe-signature": "" }, "missing_signature"],
    ["garbage signature", { "stripe-signature": "t=1,v1=deadbeef" }, "bad_signature"],
  ])("answers 400 for a %s", async (_name, headers, reason) => {
    const event = stripeEvent("payout.created", payout());
    const res = await env.worker.post(`/webhooks/stripe/${env.tenantId}`, JSON.stringify(event), headers);
    expect(res).toMatchObject({ status: 400, body: { error: reason } });
    expect(await stored(event.id)).toEqual({ rows: 0, due: 0 });
  });

  it("answers 400 for a tampered body, a wrong secret, a stale or a future signature", async () => {
    const now = Math.floor(Date.now() / 1000);
    const event = stripeEvent("payout.created", payout());
    const good = signed(event, WEBHOOK_SECRET);
    const cases = [
      { payload: good.payload.replace("1100", "9900"), header: good.header, reason: "bad_signature" },
      { ...signed(event, "whsec_fieldpayFakeWrong9"), reason: "bad_signature" },
      { ...signed(event, WEBHOOK_SECRET, now - 600), reason: "stale_timestamp" },
      { ...signed(event, WEBHOOK_SECRET, now + 600), reason: "future_timestamp" },
    ];
    for (const c of cases) {
      const res = await env.worker.post(`/webhooks/stripe/${env.tenantId}`, c.payload, {
        "stripe-signature": c.header,
      });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: c.reason });
      expect(JSON.stringify(res.body)).not.toMatch(/whsec_|sk_test_/);
    }
    expect(await stored(event.id)).toEqual({ rows: 0, due: 0 });
  });

  it("answers 400 for a correctly signed body that is not a Stripe event", async () => {
    for (const body of ["not json at all", JSON.stringify({ hello: "world" })]) {
      const { payload, header } = signedRaw(body, WEBHOOK_SECRET);
      const res = await env.worker.post(`/webhooks/stripe/${env.tenantId}`, payload, {
        "stripe-signature": header,
      });
      expect(res).toMatchObject({ status: 400, body: { error: "malformed_payload" } });
    }
    expect(await env.kit.t.db.selectFrom("webhook_events").select("id").execute()).toEqual([]);
  });

  it("answers 413 for a body over 512 KiB", async () => {
    const event = stripeEvent("payout.created", { ...payout(), description: "x".repeat(600 * 1024) });
    const res = await deliver(env.worker, env.tenantId, event);
    expect(res).toMatchObject({ status: 413, body: { error: "too_large" } });
    expect(await stored(event.id)).toEqual({ rows: 0, due: 0 });
  });

  it("answers 400 with the reason when a live event reaches a business with test keys", async () => {
    const event = stripeEvent("payout.created", payout(), { livemode: true });
    const res = await deliver(env.worker, env.tenantId, event);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "livemode_mismatch" });
    expect(res.body.message).toMatch(/live-mode event but the business uses test-mode Stripe keys/);
    expect(await stored(event.id)).toEqual({ rows: 0, due: 0 });
  });

  it("answers 400 when a Connect event reaches the account endpoint, or the other way round", async () => {
    const connectEvent = stripeEvent("payout.created", payout(), { account: "acct_someone" });
    expect((await deliver(env.worker, env.tenantId, connectEvent)).body.error).toBe("unexpected_account");
    const ownEvent = stripeEvent("payout.created", payout());
    expect((await deliver(env.worker, env.tenantId, ownEvent, { connect: true })).body.error).toBe(
      "missing_account",
    );
    expect(await stored(connectEvent.id)).toEqual({ rows: 0, due: 0 });
    expect(await stored(ownEvent.id)).toEqual({ rows: 0, due: 0 });
  });

  it("answers 400 when the business has no signing secret for the endpoint", async () => {
    const { tenantId: bare } = await seedBusiness(env.kit.t.db, env.kit.deps.secretBox, {
      connectSecret: null,
    });
    const event = stripeEvent("account.updated", { id: "acct_x", object: "account" }, { account: "acct_x" });
    const res = await deliver(env.worker, bare, event, { connect: true });
    expect(res).toMatchObject({ status: 400, body: { error: "no_secret" } });
  });
});

describe("POST /webhooks/stripe/:env.tenantId accepts", () => {
  it("stores a verified event once, due for processing, and answers 200", async () => {
    const event = stripeEvent("payout.created", payout());
    expect(await deliver(env.worker, env.tenantId, event)).toEqual({
      status: 200,
      body: { received: true, duplicate: false },
    });
    expect(await stored(event.id)).toEqual({ rows: 1, due: 1 });
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      tenant_id: env.tenantId,
      endpoint: "account",
      type: "payout.created",
      processed_at: null,
    });
    expect(row.payload).toEqual(event);
  });

  it("acknowledges duplicates, sequential and concurrent, with one row", async () => {
    const event = stripeEvent("payout.paid", payout());
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => deliver(env.worker, env.tenantId, event)),
    );
    answers.push(await deliver(env.worker, env.tenantId, event));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(await stored(event.id)).toEqual({ rows: 1, due: 1 });
  });

  it("stores the same event once for each business it reaches (an account connected to two businesses)", async () => {
    const other = await seedBusiness(env.kit.t.db, env.kit.deps.secretBox);
    const event = stripeEvent(
      "account.updated",
      { id: "acct_shared", object: "account" },
      { account: "acct_shared" },
    );
    expect((await deliver(env.worker, env.tenantId, event, { connect: true })).body.duplicate).toBe(false);
    expect((await deliver(env.worker, other.tenantId, event, { connect: true })).body.duplicate).toBe(false);
    expect((await deliver(env.worker, other.tenantId, event, { connect: true })).body.duplicate).toBe(true);
    expect(await stored(event.id)).toEqual({ rows: 2, due: 2 });
  });

  it("verifies with the previous secret while the secret is being rotated", async () => {
    const rotated = await seedBusiness(env.kit.t.db, env.kit.deps.secretBox, {
      previousWebhookSecret: OLD_SECRET,
    });
    const event = stripeEvent("payout.created", payout());
    expect((await deliver(env.worker, rotated.tenantId, event, { secret: OLD_SECRET })).status).toBe(200);
    expect(await stored(event.id)).toEqual({ rows: 1, due: 1 });
  });

  it("stores and acknowledges event types it has no handler for", async () => {
    const event = stripeEvent("customer.created", { id: "cus_1", object: "customer" });
    expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
    await env.kit.drain();
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row.processed_at).not.toBeNull();
  });

  it("stores Connect events on the Connect endpoint with their account", async () => {
    const event = stripeEvent(
      "account.updated",
      { id: "acct_fw1", object: "account" },
      { account: "acct_fw1" },
    );
    expect((await deliver(env.worker, env.tenantId, event, { connect: true })).status).toBe(200);
    const row = await env.kit.t.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ endpoint: "connect", account: "acct_fw1" });
  });
});

describe("an oversized body sent without a length", () => {
  it("is answered 413, not cut off", async () => {
    const { request } = await import("node:http");
    const url = new URL(`${env.worker.url}/webhooks/stripe/${env.tenantId}`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 12; i += 1) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });
});
