import type { ApiDeps } from "../context.ts";
import type { Mailer } from "./mailer.ts";
import { outboxMailer } from "./outbox-transport.ts";

/** The configured transport, or the outbox when none is (dev, tests). */
export function mailerFor(deps: Pick<ApiDeps, "db" | "mailer">): Mailer {
  return deps.mailer ?? outboxMailer(deps.db);
}
