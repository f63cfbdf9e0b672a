// How the api sends email. One interface, several transports: the outbox (dev and tests) writes each message
// to outbox_emails and prints it; an SMTP or provider transport implements the same interface later.

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
