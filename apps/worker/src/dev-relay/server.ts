// The relay's HTTP side: POST /dev-stripe/relay/confirm (the web dev server proxies it from the page's origin).
import { createServer, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { readBody } from "../webhooks/read-body.ts";
import type { Relay } from "./relay.ts";

const reportSchema = z.object({
  clientSecret: z.string().regex(/^(pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/),
  outcome: z.enum(["succeeded", "requires_action", "declined"]),
  page: z.string().max(500),
  declineCode: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function createRelayServer(relay: Relay): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return send(res, 200, { ok: true, service: "dev-relay" });
    if (url.pathname !== "/dev-stripe/relay/confirm" || req.method !== "POST")
      return send(res, 404, { error: "not_found" });
    void (async () => {
      const body = await readBody(req, 10_000);
      const parsed = reportSchema.safeParse(body.ok ? parseJson(body.body.toString("utf8")) : null);
      if (!parsed.success) return send(res, 400, { error: "invalid_report" });
      const answer = await relay.confirm(parsed.data);
      send(res, answer.ok ? 200 : answer.status, answer);
    })().catch((error: unknown) => send(res, 500, { error: "internal", message: String(error) }));
  });
}
