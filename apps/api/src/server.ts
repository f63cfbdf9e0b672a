import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { type ApiDeps, createHttpContext } from "./context.ts";
import { healthReport } from "./health.ts";
import { appRouter } from "./router.ts";

/** Requests larger than this are refused before tRPC parses them. */
const MAX_BODY_BYTES = 1_000_000;

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
      trpc(req, res);
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
}
