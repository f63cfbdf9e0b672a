// Stripe for portal tests: stripe-mock behind Stripe's documented idempotency (a POST repeated with the same
// Idempotency-Key gets the first answer back, for 24 hours; the key reused with other parameters is an
// idempotency_error), which stateless stripe-mock cannot do itself, and in front of it the recording proxy, so
// tests see every request exactly as the api sent it.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDatabase } from "@fieldpay/db/testing";
import { type RecordingProxy, startRecordingProxy } from "@fieldpay/payments/testing/recording-proxy";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import type { ApiDeps } from "../../context.ts";
import { testDeps } from "../../testing/harness.ts";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" ? value : "";
};

interface Answer {
  status: number;
  body: string;
}

async function forward(req: IncomingMessage, target: string, body: string): Promise<Answer> {
  const response = await fetch(new URL(req.url ?? "/", target), {
    method: req.method ?? "GET",
    headers: { authorization: header(req, "authorization"), "content-type": header(req, "content-type") },
    ...(req.method === "POST" && { body }),
  });
  return { status: response.status, body: await response.text() };
}

/** The request a key was first used for: same endpoint and the same parameters, in whatever order they came. */
function fingerprint(req: IncomingMessage, body: string): string {
  // A multipart upload (Stripe Files) has a fresh boundary each time; its parameters are the parts between them.
  const boundary = header(req, "content-type").match(/boundary=([^;]+)/)?.[1];
  const form = boundary ? body.replaceAll(boundary, "BOUNDARY") : body;
  const params = [...new URLSearchParams(form)].map(([name, value]) => `${name}=${value}`).sort();
  return JSON.stringify([req.method, new URL(req.url ?? "/", "http://double.invalid").pathname, params]);
}

/** What Stripe answers a key reused for a different request: an error, never the first request's answer. */
function keyReused(key: string): Answer {
  const message =
    "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
    `Try using a key other than '${key}' if you meant to execute a different request.`;
  return { status: 400, body: JSON.stringify({ error: { type: "idempotency_error", message } }) };
}

interface Remembered extends Answer {
  request: string;
}

async function startIdempotencyLayer(target: string) {
  const answers = new Map<string, Remembered>();
  const server = createServer((req, res) => {
    (async () => {
      const body = await readBody(req);
      const key = req.method === "POST" ? header(req, "idempotency-key") : "";
      const cacheKey = key && `${header(req, "stripe-account")}|${key}`;
      const request = fingerprint(req, body);
      const first = cacheKey ? answers.get(cacheKey) : undefined;
      const replay = first && (first.request === request ? first : keyReused(key));
      const answer: Answer = replay ?? (await forward(req, target, body));
      if (cacheKey && !first) answers.set(cacheKey, { ...answer, request });
      res.writeHead(answer.status, { "content-type": "application/json", "request-id": "req_double" });
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: `stripe double: ${String(error)}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** As if Stripe's 24-hour replay window had passed for every key. */
    forgetKeys: () => answers.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface StripeDouble {
  /** What the api sent (use its url as the api's stripeApiBase). */
  proxy: RecordingProxy;
  forgetKeys: () => void;
}

/** One Stripe double per test file, with a clean record and fresh idempotency keys for every test. */
export function useStripeDouble(): () => StripeDouble {
  const holder: { double?: StripeDouble; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    const layer = await startIdempotencyLayer(inject("stripeApiBase"));
    const proxy = await startRecordingProxy(layer.url);
    holder.double = { proxy, forgetKeys: layer.forgetKeys };
    holder.close = async () => {
      await proxy.close();
      await layer.close();
    };
  });
  afterAll(() => holder.close?.());
  beforeEach(() => {
    holder.double?.proxy.reset();
    holder.double?.forgetKeys();
  });
  return () => {
    if (!holder.double) throw new Error("the Stripe double is not running yet");
    return holder.double;
  };
}

/**
 * The frame of a portal test file (or describe block): the Stripe double, its own database, and api deps that
 * talk to that double. `t` and `deps` are filled in before the tests run.
 */
export function useStripeDoubleDeps() {
  const stripe = useStripeDouble();
  const t = useTestDatabase();
  const deps = {} as ApiDeps;
  beforeAll(() => {
    Object.assign(deps, testDeps(t.db), { stripeApiBase: stripe().proxy.url });
  });
  return { stripe, t, deps };
}
