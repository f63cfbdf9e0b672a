// The webhook endpoint answers every refusal with a fixed text: nothing of the body or the path comes back, even
// when it is signed correctly (a secret in the wrong place would otherwise be repeated to whoever sent it).
import { describe, expect, it } from "vitest";
import {
  signed,
  signedRaw,
  stripeEvent,
  useWorkerBusiness,
  WEBHOOK_SECRET,
} from "../testing/worker-test-kit.ts";

const env = useWorkerBusiness();
const SENT = "sk_test_AAAABBBBCCCCDDDD";
const ECHO = /sk_test|AAAA/;

async function send(path: string, init: { method?: string; body?: string; signature?: string } = {}) {
  const res = await fetch(`${env.worker.url}${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(init.signature !== undefined && { "stripe-signature": init.signature }),
    },
    ...(init.body !== undefined && { body: init.body }),
  });
  return { status: res.status, text: await res.text() };
}

describe("the webhook endpoint never repeats what was sent", () => {
  it("an unknown business in the path, or a path that is no id at all", async () => {
    for (const id of [SENT, `${SENT}/connect`]) {
      const res = await send(`/webhooks/stripe/${id}`, { body: SENT });
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(ECHO);
    }
  });

  it("a body that is not JSON, unsigned and signed with the business's own secret", async () => {
    const unsigned = await send(`/webhooks/stripe/${env.tenantId}`, { body: SENT });
    const raw = signedRaw(SENT, WEBHOOK_SECRET);
    const notJson = await send(`/webhooks/stripe/${env.tenantId}`, {
      body: raw.payload,
      signature: raw.header,
    });
    expect(unsigned.status).toBe(400);
    expect(notJson).toMatchObject({ status: 400, text: expect.stringContaining("malformed_payload") });
    for (const res of [unsigned, notJson]) expect(res.text).not.toMatch(ECHO);
  });

  it("a signed event refused for its mode or its route, and a GET", async () => {
    const live = stripeEvent("payout.created", { id: SENT, object: "payout" }, { id: SENT, livemode: true });
    const connected = stripeEvent("payout.created", { id: SENT }, { id: SENT, account: SENT });
    for (const event of [live, connected]) {
      const { payload, header } = signed(event, WEBHOOK_SECRET);
      const res = await send(`/webhooks/stripe/${env.tenantId}`, { body: payload, signature: header });
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(ECHO);
    }
    const viaGet = await send(`/webhooks/stripe/${env.tenantId}?${SENT}`, { method: "GET" });
    expect(viaGet.status).toBe(405);
    expect(viaGet.text).not.toMatch(ECHO);
  });
});
