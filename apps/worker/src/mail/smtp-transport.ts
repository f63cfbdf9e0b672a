// The delivering transport: SMTP to the server in SMTP_URL (smtp:// with STARTTLS when the server offers it, or
// smtps://), from MAIL_FROM. A connection per email: nothing stays open between them.
import nodemailer from "nodemailer";
import { type DeliveryFailure, MailDeliveryError, type Mailer } from "./mailer.ts";

export interface SmtpConfig {
  /** smtp://user:password@host:587 or smtps://user:password@host:465 */
  url: string;
  /** The sender, such as `Bright Cleaning via fieldpay <no-reply@example.com>`. */
  from: string;
}

// A server that does not answer fails the attempt in seconds, not nodemailer's minutes (deliver-email retries).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const UNREACHABLE = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS"]);

function failureOf(error: { code?: unknown; responseCode?: unknown; command?: unknown }): DeliveryFailure {
  if (typeof error.code === "string" && UNREACHABLE.has(error.code)) return "unreachable";
  // 4xx: the server asks to try again later (greylisting, a full queue): a retry will do.
  if (typeof error.responseCode === "number" && error.responseCode >= 400 && error.responseCode < 500) {
    return "unreachable";
  }
  if (error.code === "EENVELOPE" && error.command === "RCPT TO") return "recipient_refused";
  return "refused";
}

/** nodemailer's error, reduced to its code and the server's answer (never the connection URL or a password). */
function detailOf(error: { code?: unknown; response?: unknown; message?: unknown }): string {
  const answer = typeof error.response === "string" ? error.response : String(error.message ?? "");
  return `${typeof error.code === "string" ? error.code : "error"}: ${answer}`.slice(0, 300);
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether a password may only travel encrypted: smtp:// to another machine must upgrade with STARTTLS or fail,
 * rather than sign in in clear text. A relay on this machine (a local Postfix) may be plain.
 */
export function requiresTls(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "smtp:" && !LOOPBACK.has(parsed.hostname);
}

export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    url: config.url,
    requireTLS: requiresTls(config.url),
    ...TIMEOUTS,
  });
  return {
    kind: "smtp",
    async send(email) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
        });
        return typeof info.response === "string" ? info.response.slice(0, 300) : null;
      } catch (error) {
        const details = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
        throw new MailDeliveryError(failureOf(details), detailOf(details));
      }
    },
  };
}
