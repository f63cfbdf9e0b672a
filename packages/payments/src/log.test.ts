// The logger both apps use: no line it writes holds Stripe key material or a credential, wherever it was put,
// and the dev format stays a line a developer reads.
import { describe, expect, it } from "vitest";
import { createLogger, scrubLine } from "./log.ts";
import { prettyLine } from "./log-pretty.ts";
import { captureLog } from "./testing/log-capture.ts";

const KEY = "sk_live_51AbCdFake1234";
const RESTRICTED = "rk_test_51ZyXwVuTsRqPoNm";
const WEBHOOK = "whsec_0123456789abcdef";
const KEY_MATERIAL = /sk_|rk_|whsec_|51AbCd|51ZyXw|0123456789abcdef/;

describe("the shared logger", () => {
  it("redacts secrets in a message, an error (message and stack), a nested object and child bindings", () => {
    const { log, raw, lines } = captureLog("api");
    const child = log.child({ reqId: "r1", note: `key was ${KEY}` });
    child.info(`saved settings with ${KEY}`);
    child.error({ err: new Error(`Stripe said: Invalid API Key provided: ${RESTRICTED}`) }, "call failed");
    child.warn({ detail: { attempts: [{ header: `Bearer ${KEY}`, secret: WEBHOOK }] } }, "nested");
    child.info({ email: "a@b.test", password: "hunter2", settings: { secretKey: "plain" } }, "fields");

    expect(raw).toHaveLength(4);
    for (const line of raw) expect(line).not.toMatch(KEY_MATERIAL);
    expect(raw.join("")).not.toMatch(/hunter2|plain/);
    const [message, error, nested, fields] = lines();
    expect(message).toMatchObject({
      app: "api",
      level: "info",
      reqId: "r1",
      msg: "saved settings with [redacted]",
    });
    expect(message?.note).toBe("key was [redacted]");
    expect(error).toMatchObject({
      level: "error",
      msg: "call failed",
      err: { type: "Error", message: "Stripe said: Invalid API Key provided: [redacted]" },
    });
    expect(String((error?.err as { stack?: string } | undefined)?.stack)).toMatch(
      /^Error: Stripe said: .*\[redacted\]\n\s+at /,
    );
    expect(nested?.detail).toEqual({ attempts: [{ header: "[redacted]", secret: "[redacted]" }] });
    expect(fields).toMatchObject({ password: "[redacted]", settings: { secretKey: "[redacted]" } });
  });

  it("leaves lines without secrets as pino wrote them, and keeps a scrubbed line valid JSON", () => {
    const plain = '{"level":"info","msg":"listening"}\n';
    expect(scrubLine(plain)).toBe(plain);
    // A naive pattern over the JSON text would eat the "n" of the escaped newline and break the line.
    const tricky = `${JSON.stringify({ msg: "first\nrisk_of_failure", n: 1 })}\n`;
    expect(JSON.parse(scrubLine(tricky))).toEqual({ msg: "first\n[redacted]", n: 1 });
  });

  it("writes JSON lines with level, time, app and process in production", () => {
    const { log, lines } = captureLog("worker");
    log.info({ jobId: "7" }, "payout check done");
    expect(lines()[0]).toEqual({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      app: "worker",
      pid: process.pid,
      hostname: expect.any(String),
      jobId: "7",
      msg: "payout check done",
    });
  });

  it("writes one readable line per entry in dev, already redacted", () => {
    const written: string[] = [];
    const log = createLogger({
      app: "api",
      format: "pretty",
      destination: { write: (l) => written.push(l) },
    });
    log.info("listening on http://localhost:3000 (tRPC at /trpc)");
    log
      .child({ reqId: "4f1c" })
      .error({ err: new Error(`no such key ${KEY}`), path: "auth.me" }, "auth.me failed");
    expect(written[0]).toBe("[api] listening on http://localhost:3000 (tRPC at /trpc)\n");
    expect(written[1]).toMatch(
      /^\[api\] ERROR auth\.me failed {2}reqId=4f1c path=auth\.me\n {4}Error: no such key \[redacted\]\n {4}at /,
    );
    expect(written.join("")).not.toMatch(KEY_MATERIAL);
  });

  it("shows a value with spaces quoted in dev", () => {
    const line = prettyLine(
      '{"level":"warn","app":"worker","msg":"webhook refused","reason":"bad signature"}',
    );
    expect(line).toBe('[worker] WARN webhook refused  reason="bad signature"\n');
  });
});
