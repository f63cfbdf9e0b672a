// The deliver_email task: render the email's template and hand it to the configured transport (SMTP, or the dev
// outbox), then record the server's answer. A failure that may pass (server out of reach, 4xx, fieldpay refused)
// is retried with growing backoff; an address the server refuses, or props that do not fit, fail at once.
import {
  claimEmail,
  emailBusiness,
  recordAttemptFailed,
  recordDelivered,
  releaseEmail,
} from "@fieldpay/db/repositories/email-delivery";
import { type EmailName, EmailPropsError, renderEmail, UnsafeEmailError } from "@fieldpay/ui/emails/render";
import type { WorkerDeps } from "../deps.ts";
import { MailDeliveryError, type Mailer } from "./mailer.ts";
import { outboxMailer } from "./outbox-transport.ts";

/** Minutes before each next attempt: 1, 5, 30 minutes, 2 and 6 hours; after the sixth attempt it has failed. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 360] as const;

/** Emails whose link signs someone in: once delivered for real, the row keeps no copy of the link. */
const SIGN_IN = new Set(["invitation", "password_reset"]);

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "not_due";

export function mailerOf(deps: Pick<WorkerDeps, "mailer" | "log">): Mailer {
  return deps.mailer ?? outboxMailer((line) => deps.log.info(line));
}

export async function deliverEmail(
  deps: WorkerDeps,
  input: { tenantId: string; emailId: string },
): Promise<DeliveryOutcome> {
  const now = deps.now();
  const email = await claimEmail(deps.db, input.tenantId, input.emailId, now);
  if (!email) return "not_due";
  const ref = { id: email.id, tenantId: email.tenant_id };
  let rendered: { subject: string; body: string; html: string } | undefined;
  try {
    const business = await emailBusiness(deps.db, email.tenant_id);
    const out = await renderEmail(email.template as EmailName, email.props, {
      business,
      webOrigin: deps.webOrigin,
    });
    rendered = { subject: out.subject, body: out.text, html: out.html };
    const mailer = mailerOf(deps);
    const answer = await mailer.send({
      to: email.to_address,
      subject: out.subject,
      text: out.text,
      html: out.html,
    });
    await recordDelivered(deps.db, email.id, {
      transport: mailer.kind,
      answer,
      rendered,
      at: deps.now(),
      forgetContent: mailer.kind === "smtp" && SIGN_IN.has(email.template),
    });
    return "delivered";
  } catch (error) {
    if (error instanceof EmailPropsError || error instanceof UnsafeEmailError) {
      deps.log.error(
        { emailId: email.id, template: email.template, err: error },
        "[mail] email cannot be rendered",
      );
      await recordAttemptFailed(deps.db, ref, {
        failure: "unrenderable",
        answer: error.message,
        retryAt: null,
        at: now,
      });
      return "failed";
    }
    if (!(error instanceof MailDeliveryError)) {
      await releaseEmail(deps.db, email.id);
      throw error;
    }
    const backoff = error.failure === "recipient_refused" ? undefined : BACKOFF_MINUTES[email.attempts - 1];
    const retryAt = backoff === undefined ? null : new Date(now.getTime() + backoff * 60_000);
    deps.log.warn(
      {
        emailId: email.id,
        template: email.template,
        failure: error.failure,
        attempt: email.attempts,
        retryAt,
      },
      `[mail] ${email.template} email not delivered (${error.failure})`,
    );
    // A sign-in link meant for a real mailbox is never kept as text; once it failed for good, not even its props.
    const signIn = mailerOf(deps).kind === "smtp" && SIGN_IN.has(email.template);
    await recordAttemptFailed(deps.db, ref, {
      failure: error.failure,
      answer: error.detail,
      retryAt,
      at: now,
      ...(rendered && !signIn && { rendered }),
      forgetProps: signIn && retryAt === null,
    });
    return retryAt ? "retrying" : "failed";
  }
}
