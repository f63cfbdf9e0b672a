import { randomUUID } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import { checkDatabase } from "@fieldpay/db/health";
import { checkStripeReachable } from "@fieldpay/payments/reachability";
import type { WorkerDeps } from "./deps.ts";
import { receiveWebhook, type WebhookResponse } from "./webhooks/receive-webhook.ts";

export type { WorkerDeps } from "./deps.ts";

const WEBHOOK_PATH = /^\/webhooks\/stripe\/([^/]+)(\/connect)?\/?$/;

function send(res: ServerResponse, { status, body }: WebhookResponse) {
  // A refused oversized body is not read to its end: the connection is not reused after it.
  const text = JSON.stringify(body);
  // A known length: one plain response instead of chunked framing.
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...(status === 413 && { connection: "close" }),
  });
  res.end(text);
}

export function createWorkerServer(deps: WorkerDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && req.method === "GET") {
      void Promise.all([checkDatabase(deps.db), checkStripeReachable(deps.stripeApiBase)]).then(
        ([database, stripe]) => {
          const ok = database.ok && stripe.ok;
          send(res, { status: ok ? 200 : 503, body: { ok, service: "worker", database, stripe } });
        },
      );
      return;
    }
    const webhook = WEBHOOK_PATH.exec(url.pathname);
    if (webhook && req.method === "POST") {
      const target = { tenantId: webhook[1] ?? "", endpoint: webhook[2] ? "connect" : "account" } as const;
      // Each delivery has its own id, in the answer's x-request-id and in every line about it.
      const reqId = randomUUID();
      const log = deps.log.child({ reqId, ...target });
      res.setHeader("x-request-id", reqId);
      receiveWebhook(deps, req, target).then(
        (response) => {
          // A refusal is worth a line: a wrong signing secret or endpoint shows here before anywhere else.
          if (response.status >= 400)
            log.warn({ status: response.status, reason: response.body.error }, "webhook refused");
          send(res, response);
        },
        (error: unknown) => {
          // Stripe retries a 500 later; the detail stays in our log (redacted by the logger).
          log.error({ err: error }, "webhook failed");
          send(res, { status: 500, body: { error: "internal", message: "Try again later." } });
        },
      );
      return;
    }
    if (webhook) {
      res.setHeader("allow", "POST");
      send(res, {
        status: 405,
        body: { error: "method_not_allowed", message: "Stripe sends webhooks with POST." },
      });
      return;
    }
    send(res, { status: 404, body: { error: "not found" } });
  });
}
