// How the api sends email. One interface, two transports: the outbox (dev and tests) writes each message to
// outbox_emails and prints it; SMTP (smtp-transport.ts, when SMTP_URL is set) delivers it.

export interface OutgoingEmail {
  /** The business it is sent for: outbox rows and any per-business sender are scoped by it. */
  tenantId: string;
  to: string;
  subject: string;
  /** Plain text: links stay copyable in every mail client. */
  body: string;
}

export interface Mailer {
  /** "outbox" shows messages in the app (dev); other transports deliver them and the app never shows them. */
  readonly kind: "outbox" | "delivering";
  send(email: OutgoingEmail): Promise<void>;
}

/** Why an email could not be handed over, in terms the sender can act on. */
export type DeliveryFailure =
  /** The mail server refused this address (it does not exist, or the server will not take mail for it). */
  | "recipient_refused"
  /** The mail server could not be reached, or did not answer in time. */
  | "unreachable"
  /** The mail server refused fieldpay itself (sign-in, sender, or the message). */
  | "refused";

/** Thrown by a delivering transport. `detail` is the server's own answer, without credentials, for the log. */
export class MailDeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    readonly detail: string,
  ) {
    super(`email not delivered (${failure}): ${detail}`);
    this.name = "MailDeliveryError";
  }
}
