import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { type ApiDeps, createHttpContext } from "./context.ts";
import { healthReport } from "./health.ts";
import { appRouter } from "./router.ts";

/** Requests larger than this are refused before tRPC parses them. */
const MAX_BODY_BYTES = 1_000_000;

/** The body as text, or null (and reading stopped) once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** What tRPC itself answers to an oversized body, in its error shape, so the web client reads it the same way. */
function tooLarge(res: ServerResponse): void {
  const data = { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, fix: null, fieldErrors: null };
  const error = {
    message: "This request is too large.",
    code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
    data,
  };
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error }));
}

export function createApiServer(deps: ApiDeps): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) => createHttpContext(deps, req, res),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(
          `[api] ${path ?? "?"} failed: ${error.cause?.name ?? "Error"}: ${error.cause?.message ?? error.message}`,
        );
      }
    },
  });
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && req.method === "GET") {
      void healthReport("api", deps).then((report) => {
        res.writeHead(report.ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(report));
      });
      return;
    }
    if (url.pathname.startsWith("/trpc/")) {
      if (req.method !== "POST") {
        trpc(req, res);
        return;
      }
      // The body is read here and handed to tRPC on the request (its adapter takes a body already read): tRPC's own
      // reader wraps the request in a web ReadableStream, which cost ~1 ms of CPU per request in the api bench.
      readBody(req, MAX_BODY_BYTES).then(
        (body) => (body === null ? tooLarge(res) : trpc(Object.assign(req, { body }), res)),
        () => res.destroy(),
      );
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
}
