/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, text } from "./define.ts";
import { Action, EmailLayout } from "./layout.tsx";

/** To the business's admins, once per check that starts failing (not on every report while it fails). */
export const healthFailing = defineEmail({
  schema: z.object({ title: text, explanation: text, fix: text, link }),
  subject: (p) => `Health check failing: ${p.title}`,
  body: (p, business) => (
    <EmailLayout business={business} preview={p.title}>
      <Text>
        A health check of {business.name}'s payments started failing: {p.title}.
      </Text>
      <Text>{p.explanation}</Text>
      <Text>
        <strong>What fixes it:</strong> {p.fix}
      </Text>
      <Action href={p.link}>Open the health report</Action>
      <Text>You are told once per problem. You can turn these emails off on your account page.</Text>
    </EmailLayout>
  ),
});
