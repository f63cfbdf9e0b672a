// The dev format of the logger (log.ts): one line a developer reads in `npm run dev`, "[api] listening on …",
// with warnings and errors marked, the other fields as key=value after the message and an error's stack below it.
// Small and in-process on purpose: pino's transports run in worker threads, which the production bundle does not
// carry, and pino-pretty would bring a dozen packages for this.
import type { DestinationStream } from "pino";

const MARKS: Record<string, string> = { warn: "WARN ", error: "ERROR ", fatal: "FATAL " };
// Said by the prefix, the mark or not at all (time, pid and host matter in production, not in a terminal).
const SHOWN_ELSEWHERE = new Set(["level", "time", "app", "pid", "hostname", "msg", "err"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fieldText(value: unknown): string {
  return typeof value === "string" && /^\S+$/.test(value) ? value : JSON.stringify(value);
}

function errorText(err: unknown): string {
  if (!isRecord(err)) return "";
  const text = typeof err.stack === "string" ? err.stack : `${String(err.type)}: ${String(err.message)}`;
  return text
    .split("\n")
    .map((line) => `\n    ${line.trim()}`)
    .join("");
}

/** One JSON line as pino writes it, in the dev format. */
export function prettyLine(json: string): string {
  const entry: unknown = JSON.parse(json);
  if (!isRecord(entry)) return json;
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  const mark = MARKS[String(entry.level)] ?? "";
  const message = typeof entry.msg === "string" ? entry.msg : "";
  const tail = fields.length > 0 ? `  ${fields.join(" ")}` : "";
  return `[${String(entry.app)}] ${mark}${message}${tail}${errorText(entry.err)}\n`;
}

export function prettyDestination(out: { write(text: string): unknown }): DestinationStream {
  return { write: (line) => void out.write(prettyLine(line)) };
}
