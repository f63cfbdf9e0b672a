/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, text } from "./define.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const passwordReset = defineEmail({
  schema: z.object({ name: text, link }),
  subject: (_p, business) => `Reset your ${business.name} password`,
  body: (p, business) => (
    <EmailLayout business={business} preview="Choose a new password">
      <Text>Hello {p.name},</Text>
      <Text>
        Someone, we hope you, asked to reset the password of your {business.name} account on fieldpay.
      </Text>
      <Action href={p.link}>Choose a new password</Action>
      <Text>
        The link works once and expires in an hour. If you did not ask, ignore this email: your password stays
        as it is.
      </Text>
    </EmailLayout>
  ),
});
