// The dev transport: nothing leaves the machine. Each email lands in outbox_emails (shown on the admin's dev
// Outbox page) and one line with its first link goes to the log, so a developer can click through from the
// terminal too.
import type { Db } from "@fieldpay/db/client";
import { insertOutboxEmail } from "@fieldpay/db/repositories/outbox-emails";
import type { Mailer } from "./mailer.ts";

const FIRST_LINK = /https?:\/\/\S+/;

export function outboxMailer(db: Db, log: (line: string) => void): Mailer {
  return {
    kind: "outbox",
    async send(email) {
      await insertOutboxEmail(db, email);
      const link = FIRST_LINK.exec(email.body)?.[0];
      log(`[mail] to ${email.to}: ${email.subject}${link ? ` ${link}` : ""}`);
    },
  };
}
