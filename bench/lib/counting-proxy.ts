// Forwards to stripe-mock and notes when each request arrived, to measure the rate Stripe would see.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export async function startCountingProxy(target: string) {
  const upstream = new URL(target);
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
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
