import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createHttpContext, type InnerContext } from "./context.ts";
import { healthReport } from "./health.ts";
import { appRouter } from "./router.ts";

export interface ApiServerOptions {
  deps: InnerContext;
  /** Browser origins allowed to call the api across origins (the web dev server proxies, so usually none). */
  allowedOrigins: string[];
}

export function createApiServer({ deps, allowedOrigins }: ApiServerOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req, res }) => createHttpContext(deps, req, res),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[api] ${path ?? "?"}: ${error.cause?.message ?? error.message}`);
    },
  });
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-credentials", "true");
      res.setHeader("vary", "origin");
    }
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
