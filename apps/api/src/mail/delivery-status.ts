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
    summary: "The mail server refused this address, so the email was not delivered.",
    fix: "Check the address for typos, or use another one, then send it again.",
  },
  unreachable: {
    summary: "fieldpay could not reach its mail server.",
    fix: "Send it again in a few minutes. If it keeps happening, whoever runs fieldpay should check SMTP_URL.",
  },
  refused: {
    summary: "The mail server refused to send this email.",
    fix: "Whoever runs fieldpay should check SMTP_URL and MAIL_FROM; the server's answer is below.",
  },
  unrenderable: {
    summary: "fieldpay could not write this email.",
    fix: "Send it again; if it fails again, tell whoever runs fieldpay (the worker's log has the detail).",
  },
};

export function deliveryView(email: EmailDelivery): EmailDeliveryView {
  const base = {
    status: email.status,
    serverAnswer: email.lastAnswer,
    at: email.deliveredAt ?? email.createdAt,
  };
  switch (email.status) {
    case "delivered":
      return { ...base, summary: "Delivered to the recipient's mail server.", fix: null };
    case "suppressed":
      return { ...base, summary: "Not sent: the recipient turned these emails off.", fix: null };
    case "failed": {
      const words = FAILED[email.failure ?? "refused"];
      return { ...base, ...words };
    }
    default:
      return email.attempts > 0
        ? {
            ...base,
            summary: `Not delivered yet: fieldpay tries again at ${email.nextAttemptAt.toISOString().slice(11, 16)} UTC.`,
            fix: email.failure ? FAILED[email.failure].fix : null,
          }
        : { ...base, summary: "On its way: emails usually arrive within a minute.", fix: null };
  }
}
