import { createServer, type Server } from "node:http";
import type { Db } from "@fieldpay/db/client";
import { checkDatabase } from "@fieldpay/db/health";
import { checkStripeReachable } from "@fieldpay/payments/reachability";

export interface WorkerDeps {
  db: Db;
  stripeApiBase: string | undefined;
}

export function createWorkerServer(deps: WorkerDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && req.method === "GET") {
      void Promise.all([checkDatabase(deps.db), checkStripeReachable(deps.stripeApiBase)]).then(
        ([database, stripe]) => {
          const ok = database.ok && stripe.ok;
          res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok, service: "worker", database, stripe }));
        },
      );
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
}
