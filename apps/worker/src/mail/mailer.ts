// How the worker hands an email over. Two transports: SMTP (smtp-transport.ts, when SMTP_URL is set) and the dev
// outbox (outbox-transport.ts: the row itself is what the dev Outbox page shows).

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** The plain-text part: links stay copyable in every mail client. */
  text: string;
  html: string;
}

export interface Mailer {
  readonly kind: "smtp" | "outbox";
  /** Resolves with the server's answer ("250 OK …"), or null when there is no server. */
  send(email: OutgoingEmail): Promise<string | null>;
}

/** Why an email could not be handed over, in terms the admin can act on. */
export type DeliveryFailure =
  /** The mail server refused this address (it does not exist, or the server will not take mail for it). */
  | "recipient_refused"
  /** The mail server could not be reached, or did not answer in time, or asked to try later (4xx). */
  | "unreachable"
  /** The mail server refused fieldpay itself (sign-in, sender, or the message). */
  | "refused";

/** Thrown by a transport. `detail` is the server's own answer, without credentials. */
export class MailDeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    readonly detail: string,
  ) {
    super(`email not delivered (${failure}): ${detail}`);
    this.name = "MailDeliveryError";
  }
}
