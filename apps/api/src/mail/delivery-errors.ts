// An email that could not be delivered, in words for the person who tried to send it (the server's own answer
// goes to the api's log, for whoever runs fieldpay).
import { DomainError } from "../errors.ts";
import type { MailDeliveryError } from "./mailer.ts";

export function notDelivered(error: MailDeliveryError, to: string, log = console.warn): DomainError {
  log(`[mail] to ${to} not delivered (${error.failure}): ${error.detail}`);
  switch (error.failure) {
    case "recipient_refused":
      return new DomainError(
        "invalid_input",
        `The mail server refused ${to}, so nothing was sent.`,
        "Check the address for typos, or use another one.",
      );
    case "unreachable":
      return new DomainError(
        "unavailable",
        "fieldpay could not reach its mail server, so nothing was sent.",
        "Try again in a few minutes. If it keeps happening, whoever runs fieldpay should check SMTP_URL.",
      );
    case "refused":
      return new DomainError(
        "unavailable",
        "The mail server refused to send this email, so nothing was sent.",
        "Whoever runs fieldpay should check SMTP_URL and MAIL_FROM; the server's answer is in the api's log.",
      );
  }
}
