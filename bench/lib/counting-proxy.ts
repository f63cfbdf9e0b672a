// Forwards to stripe-mock and notes when each request arrived (and what it was: method, path, idempotency key), to
// measure the rate Stripe would see and count what was asked twice.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export async function startCountingProxy(target: string) {
  const upstream = new URL(target);
  const arrivals: number[] = [];
  const requests: { at: number; method: string; path: string; idempotencyKey: string | null }[] = [];
  const server = createServer((req, res) => {
    const at = performance.now();
    arrivals.push(at);
    const key = req.headers["idempotency-key"];
    requests.push({
      at,
      method: req.method ?? "GET",
      path: (req.url ?? "/").split("?")[0] ?? "/",
      idempotencyKey: typeof key === "string" ? key : null,
    });
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    requests,
    /** The most requests that arrived within any one-second window. */
    busiestSecond() {
      let most = 0;
      let start = 0;
      for (let end = 0; end < arrivals.length; end++) {
        while (arrivals[end]! - arrivals[start]! >= 1000) start++;
        most = Math.max(most, end - start + 1);
      }
      return most;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
