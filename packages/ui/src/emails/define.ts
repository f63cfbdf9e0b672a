// What every email template is: the props it takes (checked before rendering), its subject, and its body as
// React Email (one source for the HTML part and the plain-text part).
import type { ReactElement } from "react";
import { z } from "zod";

/** The business the email is sent for: always read from the email's own business, never from its props. */
export interface EmailBusiness {
  name: string;
  /** Where the recipient replies or asks (the business's admin address). */
  contactEmail: string | null;
}

export interface EmailDefinition<P> {
  schema: z.ZodType<P>;
  subject: (props: P, business: EmailBusiness) => string;
  body: (props: P, business: EmailBusiness) => ReactElement;
}

/** A template ready to render from props nobody has checked yet (they come from a database row). */
export interface EmailTemplateDefinition<P> {
  schema: z.ZodType<P>;
  prepare(props: unknown, business: EmailBusiness): { subject: string; element: ReactElement };
}

export function defineEmail<P>(definition: EmailDefinition<P>): EmailTemplateDefinition<P> {
  return {
    schema: definition.schema,
    prepare(props, business) {
      const parsed = definition.schema.safeParse(props);
      if (!parsed.success)
        throw new EmailPropsError(`the props do not fit this email: ${parsed.error.message}`);
      return {
        subject: definition.subject(parsed.data, business),
        element: definition.body(parsed.data, business),
      };
    },
  };
}

/** The props of a queued email do not fit its template (a bug in whoever queued it): it cannot be sent. */
export class EmailPropsError extends Error {
  override name = "EmailPropsError";
}

/** Amounts travel as integer minor units with their currency. */
export const money = { amount: z.number().int(), currency: z.string().length(3) };
export const text = z.string().max(2000);
export const link = z.url();
