/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, text } from "./define.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const invitation = defineEmail({
  schema: z.object({ name: text, link, connect: z.boolean() }),
  subject: (_p, business) => `${business.name} invited you to fieldpay`,
  body: (p, business) => (
    <EmailLayout business={business} preview={`${business.name} invited you to join them as a fieldworker`}>
      <Text>Hello {p.name},</Text>
      <Text>{business.name} invited you to join them on fieldpay as a fieldworker.</Text>
      <Action href={p.link}>Accept the invitation and choose your password</Action>
      {p.connect ? (
        <Text>
          You will then set up payouts through Stripe (create a Stripe account or use the one you have), so
          your share of each job is paid to you.
        </Text>
      ) : null}
      <Text>The link works once and expires in 7 days. If you did not expect this email, ignore it.</Text>
    </EmailLayout>
  ),
});
