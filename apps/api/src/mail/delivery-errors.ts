// An email that could not be delivered, in words for the person who tried to send it (the server's own answer
// goes to the api's log, for whoever runs fieldpay).
import type { Logger } from "pino";
import { DomainError } from "../errors.ts";
import type { MailDeliveryError } from "./mailer.ts";

/** What the email was and for whom, by id: the log never holds an address (personal data). */
export interface UndeliveredEmail {
  kind: "invitation" | "password reset";
  tenantId: string;
  userId?: string;
}

// Mail servers often quote the recipient in their answer ("550 <fern@example.com>: no such user").
const ADDRESS = /[^\s<>"'@]+@[^\s<>"'@]+/g;

/** The one log line for an email the mail server did not take, with its answer. */
export function logNotDelivered(log: Logger, error: MailDeliveryError, email: UndeliveredEmail): void {
  const detail = error.detail.replace(ADDRESS, "[address]");
  log.warn(
    { ...email, failure: error.failure, detail },
    `[mail] ${email.kind} email not delivered (${error.failure})`,
  );
}

/** Logs the failure and answers the sender's error, with what they can do about it. */
export function notDelivered(
  log: Logger,
  error: MailDeliveryError,
  to: string,
  email: UndeliveredEmail,
): DomainError {
  logNotDelivered(log, error, email);
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
