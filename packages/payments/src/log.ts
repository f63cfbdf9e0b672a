// The one logger of the api and the worker (pino): JSON lines in production, one readable line each in dev, and
// secrets kept out in one place, here (DESIGN.md "Secrets"). It lives in this package because this is where Stripe's
// key formats are known (errors.ts), and both apps already depend on it.
//
// Two layers: pino's `redact` censors fields whose whole value is a credential wherever a caller puts them (a
// password, a session cookie, an Authorization header), and the streamWrite hook scrubs each finished line of
// anything shaped like a Stripe key, a webhook secret or an Authorization value just before it is written, so the
// message, error texts and stacks, nested objects and child bindings all pass through the same check.
import { hostname } from "node:os";
import { type DestinationStream, type Level, type Logger, pino } from "pino";
import { redactSecrets } from "./errors.ts";
import { prettyDestination } from "./log-pretty.ts";

export type LogFormat = "json" | "pretty";

export interface CreateLoggerOptions {
  /** Which process is speaking: "api", "worker", "dev-relay". */
  app: string;
  format: LogFormat;
  /** Where lines go: standard output unless a test catches them. */
  destination?: DestinationStream;
  level?: Level | "silent";
}

const CREDENTIAL_FIELDS = [
  "password",
  "secretKey",
  "webhookSecret",
  "connectWebhookSecret",
  "token",
  "cookie",
  "authorization",
  '"stripe-signature"',
];
const REDACT_PATHS = CREDENTIAL_FIELDS.flatMap((field) =>
  field.startsWith('"')
    ? [`*[${field}]`, `*.*[${field}]`]
    : [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`],
);

// Every pattern redactSecrets() replaces contains one of these: a line without any is written as it is.
const MAY_HOLD_SECRET = /sk_|rk_|pk_|whsec_|bearer|basic/i;

function scrub(value: unknown): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactSecrets(key), scrub(item)]));
  }
  return value;
}

/**
 * One finished JSON line with every string in it (keys too) passed through redactSecrets. Parsed rather than
 * matched as text: a pattern run over JSON could cut an escape sequence in half and break the line.
 */
export function scrubLine(line: string): string {
  if (!MAY_HOLD_SECRET.test(line)) return line;
  return `${JSON.stringify(scrub(JSON.parse(line)))}\n`;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  // Synchronous writes: a line logged just before process.exit() (a configuration error, a stopped queue) is kept.
  const out = options.destination ?? pino.destination({ dest: 1, sync: true });
  const destination = options.format === "pretty" ? prettyDestination(out) : out;
  return pino(
    {
      level: options.level ?? "info",
      base: { app: options.app, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: { streamWrite: scrubLine },
    },
    destination,
  );
}
