import type { ApiDeps } from "../context.ts";
import type { Mailer } from "./mailer.ts";
import { outboxMailer } from "./outbox-transport.ts";

/** The configured transport, or the outbox when none is (dev, tests), which prints each email's link to the log. */
export function mailerFor(deps: Pick<ApiDeps, "db" | "mailer" | "log">): Mailer {
  return deps.mailer ?? outboxMailer(deps.db, (line) => deps.log.info(line));
}
