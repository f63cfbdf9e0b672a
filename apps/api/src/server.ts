import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { type ApiDeps, createHttpContext } from "./context.ts";
import { healthReport } from "./health.ts";
import { appRouter } from "./router.ts";
import { createTrpcHttpHandler } from "./trpc-http.ts";
import type { WebFiles } from "./web-files.ts";

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

export interface ServerOptions {
  /** The built SPA, served on the api's origin for every path but /trpc and /healthz (production). */
  web?: WebFiles;
}

export function createApiServer(deps: ApiDeps, options: ServerOptions = {}): Server {
  const trpc = createTrpcHttpHandler({
    router: appRouter,
    basePath: "/trpc/",
    // Procedures log through ctx.log: the request's own logger.
    createContext: (req, res, log) => createHttpContext({ ...deps, log }, req, res),
    onError: ({ error, path, log }) => {
      // Our own failures only: the answer to a refused or unreadable request already tells the client why.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ err: error.cause ?? error, path }, `${path ?? "a request"} failed`);
    },
  });
  /**
   * tRPC's answer, with a request id (in the response's x-request-id and every line logged while handling it);
   * should writing it fail, the connection is dropped (the client sees a network error).
   */
  const answer = (req: IncomingMessage, res: ServerResponse, body: string | undefined) => {
    const reqId = randomUUID();
    const log = deps.log.child({ reqId });
    res.setHeader("x-request-id", reqId);
    return trpc(req, res, body, log).catch((error: unknown) => {
      // The path only: a query's input (an invitation token, say) rides in the query string.
      log.error({ err: error, path: (req.url ?? "?").split("?")[0] }, "could not be answered");
      res.destroy();
    });
  };
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
        void answer(req, res, undefined);
        return;
      }
      // The body is read here, as a string: wrapping the request in a web ReadableStream for tRPC cost ~1 ms of
      // CPU per request in the api bench.
      readBody(req, MAX_BODY_BYTES).then(
        (body) => (body === null ? tooLarge(res) : answer(req, res, body)),
        () => res.destroy(),
      );
      return;
    }
    // Anything else is the SPA's (its files, or index.html for its routes); the api's own paths never fall to it.
    const apiPath = url.pathname.startsWith("/trpc") || url.pathname === "/healthz";
    if (options.web && !apiPath && options.web.serve(req, res, url.pathname)) return;
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
}
