// A logger for tests: the real one (log.ts, redaction included) writing JSON lines into memory instead of stdout.
import type { Logger } from "pino";
import { createLogger } from "../log.ts";

export interface CapturedLog {
  log: Logger;
  /** The lines written so far, exactly as they would have reached stdout. */
  raw: string[];
  /** The same lines, parsed. */
  lines: () => Record<string, unknown>[];
}

export function captureLog(app = "test"): CapturedLog {
  const raw: string[] = [];
  const log = createLogger({
    app,
    format: "json",
    level: "debug",
    destination: { write: (line) => raw.push(line) },
  });
  return { log, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A logger that writes nothing, for tests that do not look at the log. */
export const quietLog = (app = "test"): Logger => createLogger({ app, format: "json", level: "silent" });
