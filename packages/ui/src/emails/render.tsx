/** @jsxRuntime automatic @jsxImportSource react */
// Renders one email from its template name and props: the subject, the HTML part and the plain-text part, both
// from the same React Email tree. Props are checked against the template's schema after secrets and card
// numbers are blanked, and every link must lead into the web app. Every template names its JSX runtime in its
// first line: the worker runs them under tsx, which compiles files outside apps/worker without any JSX setting.
import { render } from "@react-email/render";
import type { EmailBusiness, EmailTemplateDefinition } from "./define.ts";
import { disputeOpened } from "./dispute-opened.tsx";
import { healthFailing } from "./health-failing.tsx";
import { invitation } from "./invitation.tsx";
import { onboardingIncomplete } from "./onboarding-incomplete.tsx";
import { passwordReset } from "./password-reset.tsx";
import { paymentNeedsAttention } from "./payment-needs-attention.tsx";
import { payoutFailed } from "./payout-failed.tsx";
import { payoutFailures } from "./payout-failures.tsx";
import { payoutLate } from "./payout-late.tsx";
import { payoutSent } from "./payout-sent.tsx";
import { receipt } from "./receipt.tsx";
import { refundMade } from "./refund-made.tsx";
import { assertOwnLinks, scrubProps, scrubText } from "./scrub.ts";

export type { EmailBusiness } from "./define.ts";
export { EmailPropsError } from "./define.ts";
export { UnsafeEmailError } from "./scrub.ts";

export const EMAILS = {
  invitation,
  password_reset: passwordReset,
  receipt,
  refund_made: refundMade,
  payment_needs_attention: paymentNeedsAttention,
  payout_sent: payoutSent,
  payout_failed: payoutFailed,
  payout_late: payoutLate,
  onboarding_incomplete: onboardingIncomplete,
  dispute_opened: disputeOpened,
  payout_failures: payoutFailures,
  health_failing: healthFailing,
} satisfies Record<string, EmailTemplateDefinition<unknown>>;

export type EmailName = keyof typeof EMAILS;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail(
  name: EmailName,
  props: unknown,
  context: { business: EmailBusiness; webOrigin: string },
): Promise<RenderedEmail> {
  const clean = scrubProps(props);
  assertOwnLinks(clean, context.webOrigin);
  const business = {
    name: scrubText(context.business.name),
    contactEmail: context.business.contactEmail && scrubText(context.business.contactEmail),
  };
  const { subject, element } = EMAILS[name].prepare(clean, business);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
