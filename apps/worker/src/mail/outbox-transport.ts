// The dev transport: nothing leaves the machine. The email's row (rendered by deliver-email.ts) is what the
// admin's dev Outbox page shows; one line with its first link goes to the log, to click through from the terminal.
import type { Mailer } from "./mailer.ts";

const FIRST_LINK = /https?:\/\/\S+/;

export function outboxMailer(log: (line: string) => void): Mailer {
  return {
    kind: "outbox",
    async send(email) {
      const link = FIRST_LINK.exec(email.text)?.[0]?.replace(/[\])>.,]+$/, "");
      log(`[mail] to ${email.to}: ${email.subject}${link ? ` ${link}` : ""}`);
      return null;
    },
  };
}
