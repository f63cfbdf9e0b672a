/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, text } from "./define.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const onboardingIncomplete = defineEmail({
  schema: z.object({ name: text, missing: z.array(text).max(20), link }),
  subject: (_p, business) => `Finish setting up payouts with ${business.name}`,
  body: (p, business) => (
    <EmailLayout business={business} preview="Stripe needs a few more details before you can be paid">
      <Text>Hello {p.name},</Text>
      <Text>
        Stripe needs a few more details before your share of {business.name}'s jobs can be paid to you
        {p.missing.length > 0 ? ":" : "."}
      </Text>
      {p.missing.map((m) => (
        <Text key={m}>• {m}</Text>
      ))}
      <Action href={p.link}>Continue your Stripe setup</Action>
    </EmailLayout>
  ),
});
