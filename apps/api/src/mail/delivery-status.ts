// Where an email stands, in words for the admin who caused it: on its way, delivered, or failed with the mail
// server's answer and what fixes it. The answer itself comes from the worker (emails.last_answer).
import type { EmailDelivery, EmailFailure } from "@fieldpay/db/repositories/emails";
import { z } from "zod";

export const emailDelivery = z.object({
  status: z.enum(["queued", "sending", "delivered", "failed", "suppressed"]),
  /** One sentence: what happened to the email. */
  summary: z.string(),
  /** The mail server's own answer, when it gave one. */
  serverAnswer: z.string().nullable(),
  fix: z.string().nullable(),
  at: z.date(),
});

export type EmailDeliveryView = z.infer<typeof emailDelivery>;

const FAILED: Record<EmailFailure, { summary: string; fix: string }> = {
  recipient_refused: {
    summary: "Sending failed: the mail server refused the address.",
    fix: "Check the address for typos, or use another one, then send it again.",
  },
  unreachable: {
    summary: "Sending failed: fieldpay could not reach its mail server.",
    fix: "Send it again later. If it keeps happening, whoever runs fieldpay should check SMTP_URL.",
  },
  refused: {
    summary: "Sending failed: the mail server would not send it for fieldpay.",
    fix: "Whoever runs fieldpay should check SMTP_URL and MAIL_FROM (the worker's log has the server's answer).",
  },
  unrenderable: {
    summary: "Sending failed: fieldpay could not write this email.",
    fix: "Send it again; if it fails again, tell whoever runs fieldpay (the worker's log has the detail).",
  },
};

const time = (at: Date) => `${at.toISOString().slice(11, 16)} UTC`;

export function deliveryView(email: EmailDelivery): EmailDeliveryView {
  const base = {
    status: email.status,
    serverAnswer: email.lastAnswer,
    at: email.deliveredAt ?? email.createdAt,
  };
  switch (email.status) {
    case "delivered":
      return { ...base, summary: "Delivered", fix: null };
    case "suppressed":
      return { ...base, summary: "Not sent: the recipient turned these emails off.", fix: null };
    case "failed":
      return { ...base, ...FAILED[email.failure ?? "refused"] };
    default:
      return email.attempts > 0 && email.failure
        ? {
            ...base,
            summary: `Not delivered yet: fieldpay tries again at ${time(email.nextAttemptAt)}.`,
            fix: FAILED[email.failure].fix,
          }
        : { ...base, summary: "Sending: emails usually arrive within a minute.", fix: null };
  }
}
