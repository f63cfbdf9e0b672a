import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** One request as Stripe would have received it. Header names are lowercase. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The form body, flat as sent: { "transfer_data[destination]": "acct_1", "metadata[booking_id]": "b1" }. */
  form: Record<string, string>;
  headers: Record<string, string>;
  /** The body as sent, read as Latin-1 (byte for byte): what a multipart upload (Stripe Files) carries. */
  body: string;
}

/**
 * Makes the proxy answer some requests differently, for states stateless stripe-mock cannot be in (a declined
 * card, a rate limit, an account that is Express). `respond` replaces stripe-mock's answer; `patch` edits it.
 */
export interface Interception {
  method?: string;
  path: string | RegExp;
  respond?: { status: number; body: unknown };
  patch?: (body: Record<string, unknown>) => Record<string, unknown>;
}

export interface RecordingProxy {
  /** Use as the client's apiBase. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** The recorded requests with this method (and path, if given). */
  sent(method: string, path?: string | RegExp): RecordedRequest[];
  intercept(interception: Interception): void;
  /** Forgets recorded requests and interceptions. */
  reset(): void;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 that forwards to `target` (stripe-mock) and records every request. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const interceptions: Interception[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: `recording proxy: ${String(error)}` } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const body = bytes.toString("utf8");
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const method = req.method ?? "GET";
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(new URLSearchParams(body)),
      headers: flatHeaders(req),
      body: bytes.toString("latin1"),
    });
    const interception = interceptions.find((candidate) => matches(candidate, method, url.pathname));
    if (interception?.respond !== undefined) {
      return send(res, interception.respond.status, JSON.stringify(interception.respond.body));
    }
    const upstream = await fetch(new URL(`${url.pathname}${url.search}`, target), {
      method,
      headers: forwardHeaders(req),
      ...(method !== "GET" && method !== "DELETE" && { body: new Uint8Array(bytes) }),
    });
    const text = await upstream.text();
    const patched = interception?.patch ? JSON.stringify(interception.patch(parseObject(text))) : text;
    send(res, upstream.status, patched, upstream.headers.get("request-id"));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("recording proxy: no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    sent: (method, path) =>
      requests.filter(
        (request) => request.method === method && (path === undefined || pathMatches(path, request.path)),
      ),
    intercept: (interception) => {
      interceptions.unshift(interception);
    },
    reset: () => {
      requests.length = 0;
      interceptions.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function matches(interception: Interception, method: string, path: string): boolean {
  if (interception.method !== undefined && interception.method !== method) return false;
  return pathMatches(interception.path, path);
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === "string" ? pattern === path : pattern.test(path);
}

function send(res: ServerResponse, status: number, body: string, requestId?: string | null): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": requestId ?? "req_recording_proxy",
  });
  res.end(body);
}

function parseObject(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error("recording proxy: stripe-mock answered with something other than a JSON object");
  }
  return Object.fromEntries(Object.entries(parsed));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
}

// Hop-by-hop and length headers belong to each connection, not to the request being forwarded.
const NOT_FORWARDED: ReadonlySet<string> = new Set([
  "host",
  "connection",
  "content-length",
  "accept-encoding",
]);

function forwardHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(flatHeaders(req)).filter(([name]) => !NOT_FORWARDED.has(name)));
}
